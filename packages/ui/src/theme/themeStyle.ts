import type { Theme } from '@sonde/core'
import { liftOnDark } from './liftOnDark'
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
    const on = readableOn(toHex(theme.accent) ?? theme.accent)
    if (on) style['--sonde-on-accent'] = on
    // On Sonde's own dark background (none given), the dark scheme takes a lighter accent.
    const dark = !theme.background && liftOnDark(toHex(theme.accent) ?? theme.accent)
    if (dark) {
      style['--sonde-accent-dark'] = dark
      style['--sonde-on-accent-dark'] = readableOn(dark) ?? '#111827'
    }
  }
  if (theme.background) style['--sonde-bg'] = theme.background
  if (theme.text) style['--sonde-text'] = theme.text
  if (theme.font) style['--sonde-font'] = theme.font
  if (theme.radius !== undefined) style['--sonde-radius'] = `${theme.radius}px`
  return style
}
