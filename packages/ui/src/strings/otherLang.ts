import { likelyScript } from '@sonde/core'

/**
 * The `lang` of a text in `lang` shown on a surface in `locale`, or undefined when the surface's
 * own says it: the same language in the same script (`fr` on `fr-CA`). A prefix is not enough:
 * `zh` is Simplified, and on a `zh-TW` surface it would take the fonts of Traditional glyphs.
 */
export function otherLang(lang: string, locale: string): string | undefined {
  const same =
    `${locale}-`.toLowerCase().startsWith(`${lang}-`.toLowerCase()) &&
    likelyScript(lang) === likelyScript(locale)
  return same ? undefined : lang
}
