import type { Plugin } from 'vite'

/**
 * The styles are strings of `*.css.ts` modules, a rule a line for whoever reads them: the line
 * breaks go to browsers too, escaped (`\n`, two bytes each) in every chunk. They come out of each
 * template literal of such a module, where a break follows `{`, `}` or `;` (or opens or closes the
 * literal), a space standing for any other. It runs after the TypeScript transform, which has
 * taken the comments out (they quote names in backticks); CSS has no backtick of its own.
 */
export function cssText(): Plugin {
  return {
    name: 'sonde-css-text',
    enforce: 'post',
    transform(code, id) {
      if (!id.endsWith('.css.ts')) return null
      const out = code.replace(/`[^`]*`/g, (literal) =>
        literal
          .replace(/([`{};])\n+/g, '$1')
          .replace(/\n+`$/, '`')
          .replace(/\n+/g, ' '),
      )
      return { code: out, map: null }
    },
  }
}
