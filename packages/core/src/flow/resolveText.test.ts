import { describe, expect, it } from 'vitest'
import { localeChain, resolveLocale, resolveText } from './resolveText'

const text = { en: 'Hello', fr: 'Bonjour', 'fr-CA': 'Allô', de: 'Hallo' }

describe('localeChain', () => {
  it.each([
    ['fr-CA', 'en', ['fr-ca', 'fr', 'en']],
    ['fr', 'de', ['fr', 'de', 'en']],
    ['zh-Hant-TW', 'fr', ['zh-hant-tw', 'zh-hant', 'zh', 'fr', 'en']],
    ['en-GB', 'en', ['en-gb', 'en']],
  ])('%s with survey locale %s → %j', (locale, surveyLocale, chain) => {
    expect(localeChain(locale, surveyLocale)).toEqual(chain)
  })
})

describe('resolveText', () => {
  it.each([
    ['fr-CA', undefined, 'Allô'],
    ['fr-FR', undefined, 'Bonjour'],
    ['FR-ca', undefined, 'Allô'],
    ['de-AT', undefined, 'Hallo'],
    ['ru', 'de', 'Hallo'],
    ['ru', undefined, 'Hello'],
    ['ru', 'ja', 'Hello'],
  ])('%s (survey %s) → %s', (locale, surveyLocale, expected) => {
    expect(resolveText(text, locale, surveyLocale)).toBe(expected)
  })

  // Only a regional text in the respondent's language: it beats the survey's and English.
  const regional = { en: 'Hello', 'fr-FR': 'Bonjour', 'pt-BR': 'Olá' }
  it.each([
    ['fr', 'en', 'Bonjour', 'fr-FR'],
    ['fr-CA', 'en', 'Bonjour', 'fr-FR'],
    ['pt-PT', 'fr-FR', 'Olá', 'pt-BR'],
    ['de', 'en', 'Hello', 'en'],
  ])('%s (survey %s) with only regional texts → %s (%s)', (locale, surveyLocale, shown, tag) => {
    expect(resolveText(regional, locale, surveyLocale)).toBe(shown)
    expect(resolveLocale(regional, locale, surveyLocale)).toBe(tag)
  })

  // A language written in two scripts: a region or script the respondent's tag implies (CLDR's
  // likely subtags) picks the text they read. A bare zh is Simplified, as zh-CN or zh-SG are.
  const chinese = { 'zh-Hans': '简体', 'zh-Hant': '繁體' }
  const regions = { 'zh-CN': '简体', 'zh-TW': '繁體' }
  it.each([
    [chinese, 'zh-TW', 'zh-Hant'],
    [chinese, 'zh-HK', 'zh-Hant'],
    [chinese, 'zh', 'zh-Hans'],
    [regions, 'zh-Hant-TW', 'zh-TW'],
    [regions, 'zh-Hant', 'zh-TW'],
    [regions, 'zh-HK', 'zh-TW'],
    [{ 'zh-TW': '繁體', 'zh-CN': '简体' }, 'zh', 'zh-CN'],
    [{ 'zh-TW': '繁體', 'zh-CN': '简体' }, 'zh-SG', 'zh-CN'],
    [{ zh: '简体', 'zh-Hant': '繁體' }, 'zh-TW', 'zh-Hant'],
    [{ zh: '简体', 'zh-Hant': '繁體' }, 'zh-CN', 'zh'],
    [{ 'sr-Latn': 'Zdravo', 'sr-Cyrl': 'Здраво' }, 'sr-RS', 'sr-Cyrl'],
    [{ 'sr-Latn': 'Zdravo', 'sr-Cyrl': 'Здраво' }, 'sr-Latn-RS', 'sr-Latn'],
    // Only the other script: still the respondent's language, before the survey's and English.
    [{ en: 'Hello', 'zh-Hans': '简体' }, 'zh-TW', 'zh-Hans'],
    [{ en: 'Hello', zh: '简体' }, 'zh-Hant-TW', 'zh'],
    // Of one script, the bare language still comes before another region of it.
    [{ 'fr-FR': 'Bonjour', fr: 'Salut' }, 'fr-CA', 'fr'],
  ])('resolveLocale(%j, %s) → %s: the text in the script read', (t, locale, expected) => {
    expect(resolveLocale(t, locale, 'en')).toBe(expected)
  })

  it('returns a plain string as is, whatever the locale', () => {
    expect(resolveText('How likely…?', 'ar')).toBe('How likely…?')
  })

  it('falls back to the first text rather than nothing', () => {
    expect(resolveText({ ja: 'こんにちは' }, 'ru', 'fr')).toBe('こんにちは')
  })

  it.each([
    [text, 'fr-CA', 'en', 'fr-CA'],
    [text, 'ru', 'de', 'de'],
    ['plain', 'ru', 'fr', 'fr'],
    [{ ja: 'x' }, 'ru', 'en', 'ja'],
  ])('resolveLocale(%j, %s, %s) → %s', (t, locale, surveyLocale, expected) => {
    expect(resolveLocale(t, locale, surveyLocale)).toBe(expected)
  })
})
