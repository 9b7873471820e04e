/**
 * The script `tag` is written in, named or likely (CLDR): `zh-TW` is Hant, `zh` Hans, `sr`
 * Cyrl, `pa-PK` Arab. Undefined for a tag Intl refuses.
 */
export function likelyScript(tag: string): string | undefined {
  try {
    return new Intl.Locale(tag).maximize().script
  } catch {
    return undefined
  }
}
