import { isAgreeing } from './isAgreeing'
import { isScale } from './isScale'
import { isScaleScore } from './isScaleScore'
import { tCritical95 } from './tCritical95'
import { type Interval, wilsonInterval } from './wilsonInterval'
import { wilsonPercent } from './wilsonPercent'

export interface CesScore {
  n: number
  mean: number | null
  meanCi: Interval | null
  agree: number
  agreePercent: number | null
  agreeCi: Interval | null
}

/**
 * Customer Effort Score of a set of 1…`scale` answers, reported both ways teams read it: the
 * mean with its 95% Student-t interval (a Wilson one when every answer is the same, see
 * `meanInterval`), and the percentage agreeing (5–7 on 1–7, 4–5 on 1–5, see `isAgreeing`) with
 * its 95% Wilson interval in percent.
 *
 * Answers that are not an integer from 1 to `scale` are left out of every count, `n` included.
 * With no valid answer every statistic is `null`; `meanCi` is also `null` for a single answer,
 * whose spread is unknown.
 *
 * @throws RangeError when `scale` is not an integer ≥ 2.
 */
export function scoreCes(scores: readonly unknown[], scale = 7): CesScore {
  if (!isScale(scale)) throw new RangeError(`scale must be an integer ≥ 2, got ${scale}`)
  // Tally first and sum per scale point: the sums then run in one fixed order, so the result
  // is bit-for-bit the same however the answers are ordered.
  const counts = new Array<number>(scale + 1).fill(0)
  let n = 0
  let agree = 0
  for (const value of scores) {
    if (!isScaleScore(value, scale)) continue
    counts[value] = (counts[value] ?? 0) + 1
    n++
    if (isAgreeing(value, scale)) agree++
  }
  return {
    n,
    mean: n === 0 ? null : sumOver(counts, (point) => point) / n,
    meanCi: meanInterval(counts, n, scale),
    agree,
    agreePercent: n === 0 ? null : (100 * agree) / n,
    agreeCi: wilsonPercent(agree, n),
  }
}

function sumOver(counts: readonly number[], term: (point: number) => number): number {
  let sum = 0
  for (let point = 1; point < counts.length; point++) {
    const count = counts[point] ?? 0
    if (count > 0) sum += count * term(point)
  }
  return sum
}

// Student's t rather than the normal quantile because CES samples are often a few dozen
// answers, where z would understate the uncertainty (t(0.975, 9) = 2.26 vs 1.96). The bounds
// are clamped to the scale, which the true mean cannot leave.
//
// When every answer is the same the sample variance is 0 and the t interval has zero width
// ("7.0, 95% CI 7.0 to 7.0 from 5 answers"), the collapse Wilson avoids for proportions. No
// spread was observed, so the interval assumes the widest spread compatible with the mean:
// answers only at the two ends of the scale, a share (mean − 1)/(scale − 1) of them at the top.
// That share is a proportion, whose Wilson interval, mapped back onto the scale, has a width
// that shrinks with n and never leaves the scale (five 7s on 1–7: about 4.4 to 7).
function meanInterval(counts: readonly number[], n: number, scale: number): Interval | null {
  if (n < 2) return null
  const mean = sumOver(counts, (point) => point) / n
  const variance = sumOver(counts, (point) => (point - mean) ** 2) / (n - 1)
  if (variance === 0) {
    const share = wilsonInterval((n * (mean - 1)) / (scale - 1), n)
    return { low: 1 + (scale - 1) * share.low, high: 1 + (scale - 1) * share.high }
  }
  const margin = tCritical95(n - 1) * Math.sqrt(variance / n)
  return { low: Math.max(1, mean - margin), high: Math.min(scale, mean + margin) }
}
