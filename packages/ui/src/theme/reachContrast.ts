import { luminance } from './luminance'
import { readableOn } from './readableOn'

/**
 * `accent` (`#rrggbb`) mixed with just enough white (on a dark `surface`) or black (on a light
 * one) to stand 3:1 against `surface` (WCAG 1.4.11: it alone marks the choice and draws the focus
 * ring), or `null` when it already does, or when either colour cannot be measured. A brand accent
 * is picked for one surface: indigo #4f46e5 is 2.8:1 on the dark one, amber #f59e0b 2.1:1 on white.
 */
export function reachContrast(accent: string, surface: string): string | null {
  const rgb = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(accent)
  const bg = luminance(surface)
  if (!rgb || bg === null) return null
  const toward = readableOn(surface) === '#fff' ? 255 : 0
  const enough = (hex: string) => {
    const l = luminance(hex) ?? 0
    return (Math.max(l, bg) + 0.05) / (Math.min(l, bg) + 0.05) >= 3
  }
  if (enough(accent)) return null
  for (let mix = 0.05; ; mix += 0.05) {
    const hex = `#${rgb
      .slice(1)
      .map((c) => {
        const n = Number.parseInt(c, 16)
        return Math.round(n + (toward - n) * Math.min(mix, 1))
          .toString(16)
          .padStart(2, '0')
      })
      .join('')}`
    if (mix >= 1 || enough(hex)) return hex
  }
}
