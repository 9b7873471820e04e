/**
 * Whether a user locale falls under one of the listed tags: `fr` covers `fr`, `fr-CA` and
 * `fr_CA`; `fr-CA` covers `fr-CA` only, not `fr`. Case-insensitive, as BCP 47 tags are.
 */
export function matchLocale(locales: readonly string[], locale: string | undefined): boolean {
  if (!locale) return false
  const tag = locale.replaceAll('_', '-').toLowerCase()
  return locales.some((rule) => {
    const wanted = rule.toLowerCase()
    return tag === wanted || tag.startsWith(`${wanted}-`)
  })
}
