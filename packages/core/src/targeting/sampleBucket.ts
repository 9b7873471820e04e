import { fnv1a } from './fnv1a'

/**
 * A number in [0, 1) fixed for one person and one survey, so a sampled-out person stays out on
 * every page and device that knows their id, and each survey samples independently.
 * FNV-1a 32-bit over the UTF-16 code units of `${surveyId}:${id}` (the bytes, for ASCII ids),
 * then murmur3's finaliser, because raw FNV-1a spreads ids differing only in their last
 * characters (u_1, u_2, …) poorly over the high bits.
 */
export function sampleBucket(id: string, surveyId: string): number {
  let hash = fnv1a(`${surveyId}:${id}`)
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  hash ^= hash >>> 16
  return (hash >>> 0) / 4_294_967_296
}
