import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { readableOn } from '../theme/readableOn'
import { en } from './en'
import { fill, plural } from './fill'
import { loadStrings, stringsLanguage } from './loadStrings'
import type { Strings } from './types'

describe('UI strings', () => {
  test('every shipped language has every string, forward buttons included', async () => {
    const expected = {
      en: ['Next', 'Submit', 'Close'],
      fr: ['Suivant', 'Envoyer', 'Fermer'],
      de: ['Weiter', 'Senden', 'Schließen'],
      es: ['Siguiente', 'Enviar', 'Cerrar'],
      ru: ['Далее', 'Отправить', 'Закрыть'],
      ar: ['التالي', 'إرسال', 'إغلاق'],
      it: ['Avanti', 'Invia', 'Chiudi'],
      ja: ['次へ', '送信', '閉じる'],
      ko: ['다음', '제출', '닫기'],
      nl: ['Volgende', 'Verzenden', 'Sluiten'],
      pl: ['Dalej', 'Wyślij', 'Zamknij'],
      pt: ['Próximo', 'Enviar', 'Fechar'],
      tr: ['İleri', 'Gönder', 'Kapat'],
      zh: ['下一步', '提交', '关闭'],
      'zh-Hant': ['下一步', '送出', '關閉'],
    }
    for (const [lang, buttons] of Object.entries(expected)) {
      const strings: Strings = await loadStrings(lang)
      expect(Object.keys(strings).sort()).toEqual(Object.keys(en).sort())
      expect(strings.lang).toBe(lang)
      expect([strings.next, strings.submit, strings.close]).toEqual(buttons)
      expect(strings.agree).toHaveLength(7)
      expect(strings.satisfied).toHaveLength(5)
    }
  })

  // Read by a screen reader as focus enters a question, and by the tour's live region: "2/3" is
  // read as a fraction ("two thirds") or, by Japanese voices, a date (February 3rd).
  test('every language says the question and step counters in words, not as n/total', async () => {
    const langs = ['ar', 'de', 'en', 'es', 'fr', 'it', 'ja', 'ko', 'nl', 'pl', 'pt', 'ru', 'tr']
    for (const lang of [...langs, 'zh', 'zh-Hant']) {
      const strings: Strings = await loadStrings(lang)
      for (const counter of [strings.progress, strings.step])
        expect(fill(counter, { n: 2, total: 3 }), lang).not.toMatch(/\d\s*\/\s*\d/)
    }
  })

  test('English is synchronous; a region or unknown language falls back sensibly', () => {
    expect(loadStrings('en-GB')).toBe(en)
    expect(loadStrings('sv-SE')).toBe(en)
    expect(stringsLanguage('fr-CA')).toBe('fr')
    expect(stringsLanguage('AR')).toBe('ar')
    expect(stringsLanguage('pt-BR')).toBe('pt')
    expect(stringsLanguage('pt-PT')).toBe('pt')
  })

  // Simplified characters are no script for a reader in Taiwan or Hong Kong.
  test.each([
    ['zh', 'zh'],
    ['zh-CN', 'zh'],
    ['zh-SG', 'zh'],
    ['zh-Hans-HK', 'zh'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['ZH-hant-cn', 'zh-Hant'],
  ])('Chinese %s takes the %s strings', (locale, lang) => {
    expect(stringsLanguage(locale)).toBe(lang)
  })

  test('plural forms follow each language, names start with the number', async () => {
    const ru = await loadStrings('ru')
    expect([1, 3, 5, 21].map((n) => plural(ru.stars, n, 'ru'))).toEqual([
      '1 звезда',
      '3 звезды',
      '5 звёзд',
      '21 звезда',
    ])
    const pl = await loadStrings('pl')
    expect([1, 3, 5, 22].map((n) => plural(pl.stars, n, 'pl'))).toEqual([
      '1 gwiazdka',
      '3 gwiazdki',
      '5 gwiazdek',
      '22 gwiazdki',
    ])
    // Every language's star names start with the number, so "4" finds the fourth star.
    for (const lang of [
      'ar',
      'de',
      'es',
      'fr',
      'it',
      'ja',
      'ko',
      'nl',
      'pl',
      'pt',
      'ru',
      'tr',
      'zh',
      'zh-Hant',
    ]) {
      const strings = await loadStrings(lang)
      for (const n of [1, 2, 3, 4, 5])
        expect(plural(strings.stars, n, lang)).toMatch(new RegExp(`^${n}`))
    }
    // A star scale goes up to 10: Japanese counts with つ only to 9 ("10つ" is no Japanese).
    const ja = await loadStrings('ja')
    expect([1, 5, 10].map((n) => plural(ja.stars, n, 'ja'))).toEqual([
      '1個の星',
      '5個の星',
      '10個の星',
    ])
    expect(plural(en.stars, 1, 'en')).toBe('1 star')
    expect(plural(en.stars, 4, 'not a tag!')).toBe('4 stars')
  })

  // A team choosing its audience's locales learns from the README which languages the prompt's
  // own words come in, and what the others get.
  test('the README names every language the UI strings ship in, and the English fallback', () => {
    const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8')
    const authoring = readme.split(/^## /m).find((part) => part.startsWith('Authoring')) ?? ''
    const names = new Intl.DisplayNames(['en'], { type: 'language' })
    for (const lang of [
      'en',
      'fr',
      'de',
      'es',
      'ru',
      'ar',
      'it',
      'ja',
      'ko',
      'nl',
      'pl',
      'pt',
      'tr',
      'zh',
    ]) {
      expect(stringsLanguage(lang)).toBe(lang)
      expect(authoring).toContain(names.of(lang))
    }
    expect(authoring).toMatch(/other languages? (get|take) English/)
  })

  test('fill replaces known placeholders and leaves others', () => {
    expect(fill('Question {n} of {total} {x}', { n: 2, total: 3 })).toBe('Question 2 of 3 {x}')
  })
})

describe('readableOn', () => {
  test('white on dark accents, near-black on light ones, null when not measurable', () => {
    expect(readableOn('#4f46e5')).toBe('#fff')
    expect(readableOn('#fde047')).toBe('#111827')
    expect(readableOn('#fff')).toBe('#111827')
    expect(readableOn('rebeccapurple')).toBeNull()
  })
})
