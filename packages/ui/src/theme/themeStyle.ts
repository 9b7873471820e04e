import type { Theme } from '@sonde/core'
import { reachContrast } from './reachContrast'
import { readableOn } from './readableOn'
import { toHex } from './toHex'

/**
 * The custom properties a theme sets on the surface. A style object, not a style string, so a
 * strict CSP (no 'unsafe-inline') allows it: Preact applies it through the CSSOM.
 */
export function themeStyle(theme: Theme | undefined): Record<string, string> {
  const style: Record<string, string> = {}
  if (!theme) return style
  if (theme.accent) {
    style['--sonde-accent'] = theme.accent
    // Measured in whatever notation the team wrote it: `gold` needs dark text as `#ffd700` does.
    const hex = toHex(theme.accent) ?? theme.accent
    const on = readableOn(hex)
    if (on) style['--sonde-on-accent'] = on
    // On Sonde's own dark background (none given), the dark scheme takes a lighter accent.
    const dark = !theme.background && reachContrast(hex, '#18181b')
    if (dark) {
      style['--sonde-accent-dark'] = dark
      style['--sonde-on-accent-dark'] = readableOn(dark) ?? '#111827'
    }
    // What the accent alone marks (the focus ring, what is chosen) stands out on the team's own
    // background in both schemes, else on Sonde's white in the light one; buttons keep the
    // team's accent.
    const bg = theme.background && (toHex(theme.background) ?? theme.background)
    const line = reachContrast(hex, bg || '#fff')
    if (line) style[bg ? '--ln' : '--sonde-accent-line'] = line
  }
  if (theme.background) style['--sonde-bg'] = theme.background
  if (theme.text) style['--sonde-text'] = theme.text
  if (theme.font) style['--sonde-font'] = theme.font
  if (theme.radius !== undefined) style['--sonde-radius'] = `${theme.radius}px`
  return style
}
