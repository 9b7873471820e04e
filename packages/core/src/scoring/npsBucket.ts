export type NpsBucket = 'detractor' | 'passive' | 'promoter'

/**
 * Buckets an NPS answer: 0–6 detractor, 7–8 passive, 9–10 promoter.
 *
 * @returns the bucket, or `null` for anything that is not an integer from 0 to 10 (a string, a
 *   fraction, NaN, 11…), so a caller holding an unchecked answer never has to catch.
 */
export function npsBucket(score: unknown): NpsBucket | null {
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > 10) {
    return null
  }
  if (score >= 9) return 'promoter'
  if (score >= 7) return 'passive'
  return 'detractor'
}
