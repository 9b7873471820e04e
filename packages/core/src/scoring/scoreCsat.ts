import { isSatisfied } from './isSatisfied'
import { isScale } from './isScale'
import { isScaleScore } from './isScaleScore'
import type { Interval } from './wilsonInterval'
import { wilsonPercent } from './wilsonPercent'

export interface CsatScore {
  n: number
  satisfied: number
  score: number | null
  ci: Interval | null
}

/**
 * CSAT of a set of 1…`scale` answers: the percentage (0–100) in the top two boxes (see
 * `isSatisfied`: 4–5 on 1–5, only 3 on 1–3), with its 95% Wilson interval in percent.
 *
 * Answers that are not an integer from 1 to `scale` are left out of every count, `n` included.
 * With no valid answer, `score` and `ci` are `null` rather than NaN.
 *
 * @throws RangeError when `scale` is not an integer ≥ 2: that is a bug in the caller, unlike a
 *   bad answer.
 */
export function scoreCsat(scores: readonly unknown[], scale = 5): CsatScore {
  if (!isScale(scale)) throw new RangeError(`scale must be an integer ≥ 2, got ${scale}`)
  let n = 0
  let satisfied = 0
  for (const value of scores) {
    if (!isScaleScore(value, scale)) continue
    n++
    if (isSatisfied(value, scale)) satisfied++
  }
  return {
    n,
    satisfied,
    score: n === 0 ? null : (100 * satisfied) / n,
    ci: wilsonPercent(satisfied, n),
  }
}
