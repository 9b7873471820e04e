import { fireEvent, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, test } from 'vitest'
import { closeAll, show } from '../test/show'
import { spokenLangs } from '../test/spokenLangs'
import { ces, nps, single } from '../test/surveys'

afterEach(closeAll)

// Text in another language than the surface's carries its own lang: the screen reader's voice,
// hyphenation and CJK glyphs follow it.
describe('language of parts (WCAG 3.1.2)', () => {
  const langOf = (el: Element) => el.closest('[lang]')?.getAttribute('lang')

  // A name has one language: "1 звезда – Poor" under lang=en is Russian read by an English voice.
  test('stars whose end labels are in another language than the strings name those ends in it', async () => {
    const stars = single({
      type: 'rating',
      scale: 5,
      style: 'stars',
      lowLabel: 'Poor',
      highLabel: { en: 'Excellent', fr: 'Excellent' },
    })
    const { ui, handle } = show(stars, { locale: 'ru' })
    await handle.ready
    const named = ui
      .getAllByRole('radio')
      .map((r) => [r.getAttribute('aria-label'), r.closest('[lang]')?.getAttribute('lang')])
    expect(named).toEqual([
      ['1 – Poor', 'en'],
      ['2 звезды', 'ru'],
      ['3 звезды', 'ru'],
      ['4 звезды', 'ru'],
      ['5 – Excellent', 'en'],
    ])
    // The same language as the strings: the ends say their stars too.
    const french = show(stars, { locale: 'fr' })
    await french.handle.ready
    expect(french.ui.getAllByRole('radio').at(-1)?.getAttribute('aria-label')).toBe(
      '5 étoiles – Excellent',
    )
  })

  test('scale words shown in a fallback language carry it, under the ends and in the names', async () => {
    // The end labels exist in en and fr only: an Arabic respondent sees the English ones.
    const { ui, handle } = show(nps, { locale: 'ar' })
    await handle.ready
    expect(langOf(ui.getByRole('heading'))).toBe('ar')
    expect(langOf(ui.getByText('Not at all likely'))).toBe('en')
    expect(langOf(ui.getByRole('radio', { name: '10 – Extremely likely' }))).toBe('en')
    expect(langOf(ui.getByRole('radio', { name: '5' }))).toBe('ar')
  })

  test.each([false, true])(
    'choices shown in a fallback language carry it (multiple: %s)',
    async (multiple) => {
      const survey = single({
        type: 'choice',
        multiple,
        text: { en: 'What got in the way?', fr: 'Qu’est-ce qui vous a gêné ?' },
        options: [
          { id: 'speed', label: { en: 'Speed', fr: 'Vitesse' } },
          { id: 'cost', label: { en: 'Cost' } },
        ],
      })
      const { ui, handle } = show(survey, { locale: 'fr' })
      await handle.ready
      const role = multiple ? 'checkbox' : 'radio'
      expect(langOf(ui.getByRole(role, { name: 'Vitesse' }))).toBe('fr')
      expect(langOf(ui.getByRole(role, { name: 'Cost' }))).toBe('en')
    },
  )

  // The field's name and hint are the strings', and a respondent reading them types in their
  // language: the field sits in the Other choice's label, which carries the strings' lang.
  test.each([false, true])(
    'the Other field of a survey in a fallback language is in the strings’ (multiple: %s)',
    async (multiple) => {
      const survey = single({
        type: 'choice',
        multiple,
        other: true,
        text: 'What got in the way?',
        options: [{ id: 'speed', label: 'Speed' }],
      })
      const { ui, handle } = show(survey, { locale: 'fr' })
      await handle.ready
      const role = multiple ? 'checkbox' : 'radio'
      expect(langOf(ui.getByRole('heading'))).toBe('en')
      fireEvent.click(ui.getByRole(role, { name: 'Autre' }))
      const field = await ui.findByRole('textbox', { name: /^Autre/ })
      expect(langOf(field)).toBe('fr')
    },
  )

  // zh is Simplified: shown to a zh-TW reader for want of a Traditional text, it is not in the
  // surface's zh-TW (whose fonts draw Traditional glyphs), though the language is the same.
  test('a text in another script of the respondent’s language carries it', async () => {
    const survey = single(
      {
        type: 'choice',
        text: { zh: '什么妨碍了您？' },
        options: [
          { id: 'speed', label: { zh: '速度' } },
          { id: 'cost', label: { zh: '价钱', 'zh-TW': '價錢' } },
        ],
      },
      { locale: 'zh' },
    )
    const { ui, handle } = show(survey, { locale: 'zh-Hant-TW' })
    await handle.ready
    expect(langOf(ui.getByRole('heading'))).toBe('zh')
    expect(langOf(ui.getByRole('radio', { name: '速度' }))).toBe('zh')
    expect(langOf(ui.getByRole('radio', { name: '價錢' }))).toBe('zh-TW')
    // Serbian in Cyrillic shown to a reader of its Latin spelling.
    closeAll()
    const serbian = show(
      single({ type: 'text', text: { sr: 'Шта да побољшамо?' } }, { locale: 'sr' }),
      {
        locale: 'sr-Latn',
      },
    )
    await serbian.handle.ready
    expect(langOf(serbian.ui.getByRole('heading'))).toBe('sr')
  })

  // zh-Hant names a script, not a place: the Traditional strings and texts are in the language of
  // a zh-HK prompt (Cantonese voices, Hong Kong glyphs), which a lang of their own would leave
  // for a generic Chinese voice and Taiwan's forms in mid-prompt.
  test.each(['zh-HK', 'zh-TW', 'zh-Hant-HK'])(
    'Traditional Chinese strings and texts on a %s prompt speak its language',
    async (locale) => {
      const survey = single(
        { type: 'ces', text: { en: 'Was it easy?', 'zh-Hant': '容易嗎？' } },
        { locale: 'en' },
      )
      const { ui, handle } = show(survey, { locale })
      await handle.ready
      expect(langOf(ui.getByRole('heading'))).toBe(locale)
      expect(langOf(ui.getByRole('button', { name: '關閉' }))).toBe(locale)
      expect(langOf(ui.getByRole('radio', { name: /^6/ }))).toBe(locale)
      // The announcement too, outside the prompt.
      const status = ui.getByRole('status')
      await waitFor(() => expect(status.textContent).toBe('問卷：容易嗎？'))
      expect(spokenLangs(status)).toEqual([
        ['問卷：', locale],
        ['容易嗎？', locale],
      ])
    },
  )

  test('English UI strings standing in for a locale without its own are marked lang=en', async () => {
    // No Swedish strings ship: "Close", "Other", "Submit"… are English in an sv-SE surface.
    const { ui, handle } = show(ces, { locale: 'sv-SE' })
    await handle.ready
    expect(ui.getByRole('dialog').getAttribute('lang')).toBe('sv-SE')
    const agree = ui.getByRole('radio', { name: '6 – Agree' })
    const english = [ui.getByRole('button', { name: 'Close' }), agree, ui.getByText(/^Question 1/)]
    fireEvent.click(agree)
    english.push(
      ui.getByRole('radio', { name: 'Other' }),
      ui.getByRole('button', { name: 'Submit' }),
    )
    fireEvent.click(ui.getByRole('radio', { name: 'File format' }))
    english.push(ui.getByRole('heading', { name: 'Thank you!' }))
    expect(english.map(langOf)).toEqual(english.map(() => 'en'))
  })
})
