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
    [['en'], 'eng', true],
    [['es'], 'est', false],
    [['zh-Hant'], 'zh-Hant-TW', true],
    [['zh-Hant'], 'zh-TW', true],
    [['zh-Hant'], 'zh-HK', true],
    [['zh-TW'], 'zh-Hant-TW', true],
    [['zh-Hans'], 'zh-TW', false],
    [['zh-Hant'], 'zh-CN', false],
    [['en-US'], 'en', false],
    [['fr-FR'], 'fr', false],
    [['en'], 'not a tag!', false],
    [['en', 'fr'], 'fr-BE', true],
    [[], 'en', false],
    [['en'], undefined, false],
    [['en'], '', false],
  ])('%j with %s is %s', (locales, locale, expected) => {
    expect(matchLocale(locales, locale)).toBe(expected)
  })
})
