import { describe, expect, it } from 'vitest'
import { matchLocale } from './matchLocale'

describe('matchLocale', () => {
  it.each<[string[], string | undefined, boolean]>([
    [['fr'], 'fr', true],
    [['fr'], 'fr-CA', true],
    [['fr'], 'FR-ca', true],
    [['fr'], 'fr_CA', true],
    [['fr-CA'], 'fr-ca', true],
    [['fr-CA'], 'fr', false],
    [['fr-CA'], 'fr-FR', false],
    [['en'], 'eng', false],
    [['zh-Hant'], 'zh-Hant-TW', true],
    [['en', 'fr'], 'fr-BE', true],
    [[], 'en', false],
    [['en'], undefined, false],
    [['en'], '', false],
  ])('%j with %s is %s', (locales, locale, expected) => {
    expect(matchLocale(locales, locale)).toBe(expected)
  })
})
