import type { Count } from '../schema/condition'

/** Whether a count (`n` exports, `n` page views) passes every bound present in `count`. */
export function matchCount(count: Count, n: number): boolean {
  return (
    (count.eq === undefined || n === count.eq) &&
    (count.gt === undefined || n > count.gt) &&
    (count.gte === undefined || n >= count.gte) &&
    (count.lt === undefined || n < count.lt) &&
    (count.lte === undefined || n <= count.lte)
  )
}
