import type { Count } from '../schema/condition'
import { matchFilter } from './matchFilter'

/**
 * Whether a count (`n` exports, `n` page views) passes every bound present in `count`: a count
 * is a comparison of numbers, so the property filter's matcher judges it.
 */
export function matchCount(count: Count, n: number): boolean {
  return matchFilter(count, n)
}
