import { luminance } from './luminance'

// The dark surface's default background (Surface.css), ≈ 0.0096 luminance.
const DARK_BG = luminance('#18181b') ?? 0

/**
 * `accent` (`#rrggbb`) mixed with just enough white to stand 3:1 against the dark surface (WCAG
 * 1.4.11: it alone marks the choice and draws the focus ring), or `null` when it already does.
 * A brand accent is usually picked against white: indigo #4f46e5 is 2.8:1 on the dark surface.
 */
export function liftOnDark(accent: string): string | null {
  const rgb = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(accent)
  if (!rgb) return null
  const enough = (hex: string) => ((luminance(hex) ?? 0) + 0.05) / (DARK_BG + 0.05) >= 3
  if (enough(accent)) return null
  for (let white = 0.05; ; white += 0.05) {
    const hex = `#${rgb
      .slice(1)
      .map((c) => {
        const n = Number.parseInt(c, 16)
        return Math.round(n + (255 - n) * Math.min(white, 1))
          .toString(16)
          .padStart(2, '0')
      })
      .join('')}`
    if (white >= 1 || enough(hex)) return hex
  }
}
