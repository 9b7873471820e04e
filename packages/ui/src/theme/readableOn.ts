import { luminance } from './luminance'

/**
 * A text colour readable on `background` (white or near-black, whichever contrasts more), or
 * `null` when the colour is not hex and so cannot be measured here.
 */
export function readableOn(background: string): string | null {
  const l = luminance(background)
  if (l === null) return null
  // Contrast with white is 1.05 / (l + 0.05); with #111827 (luminance ≈ 0.0103) it is the reverse.
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.0603 ? '#fff' : '#111827'
}
