import { likelyScript } from '@sonde/core'
import { en } from './en'
import type { Strings } from './types'

// One chunk per language, fetched only when a prompt in that language is due; English is bundled
// because it is the fallback of every other.
const loaders: Record<string, () => Promise<{ strings: Strings }>> = {
  ar: () => import('./ar'),
  de: () => import('./de'),
  es: () => import('./es'),
  fr: () => import('./fr'),
  it: () => import('./it'),
  ja: () => import('./ja'),
  ko: () => import('./ko'),
  nl: () => import('./nl'),
  pl: () => import('./pl'),
  pt: () => import('./pt'),
  ru: () => import('./ru'),
  tr: () => import('./tr'),
  zh: () => import('./zh'),
  'zh-Hant': () => import('./zhHant'),
}
const loaded = new Map<string, Strings>([['en', en]])

/**
 * The language whose UI strings serve `locale`: its primary subtag when shipped, else `en`.
 * Chinese written in Traditional characters (zh-TW, zh-HK, zh-Hant) has strings of its own: the
 * Simplified ones would be a script its readers do not write.
 */
export function stringsLanguage(locale: string): string {
  const lang = (locale.split('-')[0] ?? '').toLowerCase()
  const key = lang === 'zh' && likelyScript(locale) === 'Hant' ? 'zh-Hant' : lang
  return loaders[key] ? key : 'en'
}

/**
 * The UI strings for `locale`: synchronously when already loaded (always for English), otherwise
 * a promise that resolves to them, or to English if their chunk fails to load. Never rejects.
 */
export function loadStrings(locale: string): Strings | Promise<Strings> {
  const lang = stringsLanguage(locale)
  const ready = loaded.get(lang)
  if (ready) return ready
  const load = loaders[lang] ?? (async () => ({ strings: en }))
  return load().then(
    (mod) => {
      loaded.set(lang, mod.strings)
      return mod.strings
    },
    () => en,
  )
}
