import { isScaleScore } from './isScaleScore'

/**
 * Whether a CES answer is on the agreeing side of the scale: 5–7 on 1–7, 4–5 on 1–5, that is
 * strictly above the neutral midpoint, so the neutral answer never counts as ease.
 *
 * @returns `false` for an invalid score or scale, never throws.
 */
export function isAgreeing(score: unknown, scale: number): boolean {
  if (!isScaleScore(score, scale)) return false
  return score > (scale + 1) / 2
}
