/**
 * Whether a user locale falls under one of the listed tags: `fr` covers `fr`, `fr-CA` and
 * `fr_CA`; `fr-CA` covers `fr-CA` only, not `fr`. Case-insensitive, as BCP 47 tags are.
 */
export function matchLocale(locales: readonly string[], locale: string | undefined): boolean {
  if (!locale) return false
  const tags = [locale.replaceAll('_', '-')]
  // Browsers say zh-TW where a rule says zh-Hant, or zh-Hant-TW where it says zh-TW: the tag
  // with its likely script and region, and its shortest form, are the same locale.
  try {
    const parsed = new Intl.Locale(tags[0] as string)
    tags.push(parsed.maximize().toString(), parsed.minimize().toString())
  } catch {}
  return locales.some((rule) => {
    const wanted = rule.toLowerCase()
    return tags.some((tag) => {
      const lower = tag.toLowerCase()
      return lower === wanted || lower.startsWith(`${wanted}-`)
    })
  })
}
