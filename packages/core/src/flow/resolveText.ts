import type { LocalizedText } from '../schema/text'
import { likelyScript } from './likelyScript'

/**
 * The locales to try for `locale`, most specific first: `fr-CA` → `fr-CA`, `fr`, then the
 * survey's own locale (and its language), then `en`.
 */
export function localeChain(locale: string, surveyLocale = 'en'): string[] {
  const chain: string[] = []
  const add = (tag: string) => {
    // Tags compare case-insensitively (BCP 47), so `fr-ca` in a file finds `fr-CA` from the browser.
    const parts = tag.toLowerCase().split('-')
    for (let i = parts.length; i > 0; i--) {
      const candidate = parts.slice(0, i).join('-')
      if (candidate && !chain.includes(candidate)) chain.push(candidate)
    }
  }
  add(locale)
  add(surveyLocale)
  add('en')
  return chain
}

/**
 * The text to show for `locale`, following the fallback chain; a plain string is already in the
 * survey's locale. When no locale of the chain is present, the first text given is used rather
 * than nothing.
 */
export function resolveText(text: LocalizedText, locale: string, surveyLocale?: string): string {
  if (typeof text === 'string') return text
  return text[resolveLocale(text, locale, surveyLocale)] ?? ''
}

/** The locale a text will actually be shown in, for `lang` attributes. */
export function resolveLocale(text: LocalizedText, locale: string, surveyLocale = 'en'): string {
  if (typeof text === 'string') return surveyLocale
  const tags = Object.keys(text)
  const lang = locale.toLowerCase().split('-')[0]
  for (const tag of localeChain(locale, surveyLocale)) {
    const found = tags.find((t) => t.toLowerCase() === tag)
    if (tag !== lang) {
      if (found) return found
      continue
    }
    // The respondent's language: a bare `zh` is Simplified, which a `zh-TW` reader does not
    // read as theirs, so a text in their script (`zh-Hant`, `zh-HK`) comes first, the bare
    // language then, then another region of it (`fr-FR` for `fr`), before the survey's language
    // and English.
    const ours = tags.filter((t) => `${t}-`.toLowerCase().startsWith(`${lang}-`))
    const script = likelyScript(locale)
    const sameScript = ours.filter((t) => script && likelyScript(t) === script)
    const pick = sameScript.find((t) => t === found) ?? sameScript[0] ?? found ?? ours[0]
    if (pick) return pick
  }
  return tags[0] ?? surveyLocale
}
