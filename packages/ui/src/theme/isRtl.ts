import { likelyScript } from '@sonde/core'

// Scripts written right to left: Arabic, Hebrew, Thaana, Syriac, N'Ko, Adlam, Hanifi Rohingya,
// Samaritan, Mandaic.
const rtl = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Samr', 'Mand'])

/**
 * Whether `locale` is written right to left, by its script: the one it names, else its likely
 * one (CLDR), since a language alone does not say: `ku` is Kurmanji in Latin letters, `ckb`
 * Sorani in Arabic ones, `pa` Gurmukhi in India and `pa-PK` Shahmukhi. An invalid tag is LTR.
 */
export function isRtl(locale: string): boolean {
  return rtl.has(likelyScript(locale) ?? '')
}
