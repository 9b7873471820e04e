import type { Interval } from './wilsonInterval'
import { wilsonInterval } from './wilsonInterval'

/**
 * The 95% Wilson interval of `successes / n` in percent (0–100), or `null` when `n = 0`, the
 * shape every aggregate reports.
 */
export function wilsonPercent(successes: number, n: number): Interval | null {
  if (n === 0) return null
  const { low, high } = wilsonInterval(successes, n)
  return { low: low * 100, high: high * 100 }
}
