import { isScaleScore } from './isScaleScore'

/**
 * Whether a CSAT answer is in the top two boxes: 4–5 on 1–5, 6–7 on 1–7, 9–10 on 1–10.
 *
 * On scales below 5 only the top box counts (3 on 1–3): two boxes would be half or more of the
 * scale there, and "satisfied" would then include the neutral middle of a 1–3.
 *
 * @returns `false` for an invalid score or scale, never throws.
 */
export function isSatisfied(score: unknown, scale: number): boolean {
  if (!isScaleScore(score, scale)) return false
  return scale >= 5 ? score >= scale - 1 : score === scale
}
