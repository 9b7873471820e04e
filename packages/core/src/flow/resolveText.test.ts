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
