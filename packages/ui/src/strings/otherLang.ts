import { likelyScript } from '@sonde/core'

/**
 * The `lang` of a text in `lang` shown on a surface in `locale`, or undefined when the surface's
 * own says it: the same language in the same script (`fr` on `fr-CA`, `zh-Hant` on `zh-HK`). A
 * prefix is not enough: `zh` is Simplified, and on a `zh-TW` surface it would take the fonts of
 * Traditional glyphs. Nor is it needed: `zh-Hant` names only a script, which `zh-HK` writes.
 */
export function otherLang(lang: string, locale: string): string | undefined {
  const same =
    `${locale}-`
      .toLowerCase()
      .startsWith(`${lang.replace(/-[a-z]{4}(?=-|$)/i, '')}-`.toLowerCase()) &&
    likelyScript(lang) === likelyScript(locale)
  return same ? undefined : lang
}
