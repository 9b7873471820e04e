import type { Survey } from '@sonde/core'
import { fireEvent } from '@testing-library/preact'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { closeAll, show } from '../test/show'
import { ces, csatEmoji, csatNumbers, csatStars, multi, nps, single, text } from '../test/surveys'

afterEach(closeAll)

describe('NPS', () => {
  test('is a radiogroup of 0–10 named by the question, ends labelled, names start with the number', () => {
    const { ui } = show(nps)
    const group = ui.getByRole('radiogroup', { name: /recommend Acme/ })
    const radios = ui.getAllByRole('radio')
    expect(radios).toHaveLength(11)
    expect(radios.map((r) => r.getAttribute('aria-label') ?? r.textContent)).toEqual([
      '0 – Not at all likely',
      ...'123456789'.split(''),
      '10 – Extremely likely',
    ])
    expect(group.contains(ui.getByRole('radio', { name: /^9/ }))).toBe(true)
  })

  test('one click answers and advances; a detractor gets the improve follow-up', async () => {
    const { ui, answered } = show(nps)
    fireEvent.click(ui.getByRole('radio', { name: /^3$/ }))
    expect(answered).toEqual([
      {
        answers: [{ questionId: 'score', value: 3 }],
        seq: 1,
        questionId: 'score',
        completed: false,
      },
    ])
    expect(await ui.findByRole('textbox', { name: 'What should we improve first?' })).toBeTruthy()
    expect(ui.getByRole('dialog', { name: 'What should we improve first?' })).toBeTruthy()
  })

  test('a promoter gets the love follow-up', async () => {
    const { ui } = show(nps)
    fireEvent.click(ui.getByRole('radio', { name: /^10/ }))
    expect(await ui.findByRole('textbox', { name: 'What do you love most?' })).toBeTruthy()
  })

  test('arrow keys move focus and selection but never submit; Enter answers and advances', async () => {
    const { ui, answered } = show(nps)
    const five = ui.getByRole('radio', { name: /^5$/ })
    five.focus()
    fireEvent.keyDown(five, { key: 'ArrowRight' })
    const six = ui.getByRole('radio', { name: /^6$/ })
    expect(six.getAttribute('aria-checked')).toBe('true')
    expect(six.tabIndex).toBe(0)
    expect(five.tabIndex).toBe(-1)
    expect(answered).toHaveLength(0)
    fireEvent.keyDown(six, { key: 'ArrowLeft' })
    fireEvent.keyDown(five, { key: 'ArrowLeft' })
    expect(ui.getByRole('radio', { name: /^4$/ }).getAttribute('aria-checked')).toBe('true')
    fireEvent.keyDown(ui.getByRole('radio', { name: /^4$/ }), { key: 'End' })
    expect(ui.getByRole('radio', { name: /^10/ }).getAttribute('aria-checked')).toBe('true')
    fireEvent.keyDown(ui.getByRole('radio', { name: /^10/ }), { key: 'ArrowRight' })
    expect(ui.getByRole('radio', { name: /^0/ }).getAttribute('aria-checked')).toBe('true')
    expect(answered).toHaveLength(0)
    fireEvent.keyDown(ui.getByRole('radio', { name: /^0/ }), { key: 'Enter' })
    expect(answered.map((e) => e.answers)).toEqual([[{ questionId: 'score', value: 0 }]])
    expect(await ui.findByRole('textbox', { name: /improve/ })).toBeTruthy()
  })

  test('Space chooses too; a held key (repeat) does not answer twice', () => {
    const { ui, answered } = show(single({ type: 'nps' }))
    const seven = ui.getByRole('radio', { name: /^7$/ })
    fireEvent.keyDown(seven, { key: ' ', repeat: true })
    expect(answered).toHaveLength(0)
    fireEvent.keyDown(seven, { key: ' ' })
    expect(answered).toHaveLength(1)
    expect(answered[0]?.completed).toBe(true)
  })

  test('only one radio is in the tab order', () => {
    const { ui } = show(nps)
    const tabbable = ui.getAllByRole('radio').filter((r) => r.tabIndex === 0)
    expect(tabbable.map((r) => r.textContent)).toEqual(['0'])
  })
})

describe('typed numbers on a scale', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  // Keys typed on the scale's focused point; `wait` lets the window for a second digit pass.
  function type(survey: Survey, keys: (string | Partial<KeyboardEventInit>)[]) {
    vi.useFakeTimers()
    const shown = show(survey)
    shown.ui.getAllByRole('radio')[0]?.focus()
    for (const key of keys) {
      const target = shown.shadow.activeElement ?? shown.shadow
      if (key === 'wait') vi.advanceTimersByTime(1000)
      else fireEvent.keyDown(target, typeof key === 'string' ? { key } : key)
    }
    return { ...shown, values: shown.answered.map((e) => e.answers[0]?.value) }
  }

  test.each<[string, Survey, (string | Partial<KeyboardEventInit>)[], number[]]>([
    ['NPS 9 at once', nps, ['9'], [9]],
    ['NPS 0 at once', nps, ['0'], [0]],
    ['NPS 1 then 0 is 10', nps, ['1', '0'], [10]],
    ['NPS 1 alone is 1 once the window passes', nps, ['1', 'wait'], [1]],
    ['NPS 1 then Enter is 1 at once, and only once', nps, ['1', 'Enter', 'wait'], [1]],
    ['NPS 1 then 5 is 5: no 15, the last digit starts again', nps, ['1', '5'], [5]],
    ['a 1–10 rating: 1 then 0 is 10', csatNumbers, ['1', '0'], [10]],
    ['a 1–10 rating has no 0', csatNumbers, ['0', 'wait'], []],
    ['stars: 4 is four stars', csatStars, ['4'], [4]],
    ['stars: no sixth star', csatStars, ['6', 'wait'], []],
    ['emoji: 2', csatEmoji, ['2'], [2]],
    ['CES: 7', ces, ['7'], [7]],
    ['Shift + digit (AZERTY keyboards)', nps, [{ key: '8', shiftKey: true }], [8]],
    // Unshifted, the number row of French, Belgian, Czech, Lithuanian or Thai keyboards types
    // letters: the key labelled 9 is ç on AZERTY, í on Czech QWERTZ, ต on Thai Kedmanee.
    ['AZERTY’s 9 key unshifted (ç) is 9', nps, [{ key: 'ç', code: 'Digit9' }], [9]],
    [
      'AZERTY’s 1 key (&) then 0 key (à) is 10',
      nps,
      [
        { key: '&', code: 'Digit1' },
        { key: 'à', code: 'Digit0' },
      ],
      [10],
    ],
    ['Czech’s 7 key unshifted (ý) is 7', ces, [{ key: 'ý', code: 'Digit7' }], [7]],
    ['Thai’s 4 key unshifted (ภ) is four stars', csatStars, [{ key: 'ภ', code: 'Digit4' }], [4]],
    [
      'a dead key on the number row still names its digit',
      nps,
      [{ key: 'Dead', code: 'Digit6' }],
      [6],
    ],
    [
      'Shift + 9 on QWERTY types "(", no digit',
      nps,
      [{ key: '(', code: 'Digit9', shiftKey: true }, 'wait'],
      [],
    ],
    ['an Arabic keyboard’s ٩ is 9', nps, ['٩'], [9]],
    ['an Arabic keyboard’s ١ then ٠ is 10', nps, ['١', '٠'], [10]],
    ['a Persian keyboard’s ۷ is 7', ces, ['۷'], [7]],
    ['Ctrl + digit is the browser’s', nps, [{ key: '8', ctrlKey: true }], []],
    ['a held digit (repeat) does not answer', nps, [{ key: '8', repeat: true }], []],
    ['arrows after 1 cancel it: they never submit', nps, ['1', 'ArrowRight', 'wait'], []],
  ])('%s', (_, survey, keys, values) => {
    expect(type(survey, keys).values).toEqual(values)
  })

  test('the point typed is checked and focused at once, before a second digit could follow', () => {
    const { ui, shadow, values } = type(nps, ['1'])
    const one = ui.getByRole('radio', { name: /^1$/ })
    expect(one.getAttribute('aria-checked')).toBe('true')
    expect(shadow.activeElement).toBe(one)
    expect(values).toEqual([])
  })

  test('focus leaving the scale before the window passes leaves 1 chosen, not answered', () => {
    const { ui, answered } = type(nps, ['1'])
    ;(ui.getByRole('button', { name: 'Close' }) as HTMLElement).focus()
    vi.advanceTimersByTime(1000)
    expect(answered).toHaveLength(0)
    expect(ui.getByRole('radio', { name: /^1$/ }).getAttribute('aria-checked')).toBe('true')
  })

  test('digits do not pick choice options, which show no numbers', () => {
    const { values } = type(single({ ...ces.questions[1] }), ['1', 'wait'])
    expect(values).toEqual([])
  })
})

describe('rating (CSAT)', () => {
  test('stars are named "1 star" … "5 stars"', () => {
    const { ui, answered } = show(csatStars)
    expect(ui.getAllByRole('radio').map((r) => r.getAttribute('aria-label'))).toEqual([
      '1 star',
      '2 stars',
      '3 stars',
      '4 stars',
      '5 stars',
    ])
    fireEvent.click(ui.getByRole('radio', { name: '4 stars' }))
    expect(answered[0]?.answers).toEqual([{ questionId: 'q', value: 4 }])
  })

  test('stars with end labels name their ends with them, as the words under them are hidden', () => {
    const { ui } = show(
      single({
        type: 'rating',
        scale: 5,
        style: 'stars',
        lowLabel: 'Poor',
        highLabel: { en: 'Excellent', fr: 'Excellent' },
      }),
    )
    expect(ui.getAllByRole('radio').map((r) => r.getAttribute('aria-label'))).toEqual([
      '1 star – Poor',
      '2 stars',
      '3 stars',
      '4 stars',
      '5 stars – Excellent',
    ])
  })

  test('plural forms follow the strings shown: English ones for Vietnamese, which has none', async () => {
    // Vietnamese plural rules have only "other": "1 stars" with the English strings.
    const { ui, handle } = show(csatStars, { locale: 'vi' })
    await handle.ready
    expect(ui.getByRole('radio', { name: '1 star' })).toBeTruthy()
    const japanese = show(csatStars, { locale: 'ja' })
    await japanese.handle.ready
    expect(japanese.ui.getByRole('radio', { name: '1個の星' })).toBeTruthy()
  })

  test('emoji faces are named by number and satisfaction', () => {
    const { ui } = show(csatEmoji)
    expect(ui.getAllByRole('radio').map((r) => r.getAttribute('aria-label'))).toEqual([
      '1 – Very dissatisfied',
      '2 – Dissatisfied',
      '3 – Neutral',
      '4 – Satisfied',
      '5 – Very satisfied',
    ])
  })

  test('a 1–10 number scale names its ends only', () => {
    const { ui } = show(csatNumbers)
    const radios = ui.getAllByRole('radio')
    expect(radios).toHaveLength(10)
    expect(radios[0]?.getAttribute('aria-label')).toBe('1 – Very dissatisfied')
    expect(radios[4]?.getAttribute('aria-label')).toBeNull()
    expect(radios[9]?.getAttribute('aria-label')).toBe('10 – Very satisfied')
  })

  test('3-point scale uses the middle satisfaction words', () => {
    const { ui } = show(single({ type: 'rating', scale: 3, style: 'emoji' }))
    expect(ui.getAllByRole('radio').map((r) => r.getAttribute('aria-label'))).toEqual([
      '1 – Dissatisfied',
      '2 – Neutral',
      '3 – Satisfied',
    ])
  })
})

describe('CES', () => {
  test('1–7 agreement, each point named, then the single choice with other', async () => {
    const { ui, answered, completed } = show(ces)
    expect(ui.getAllByRole('radio').map((r) => r.getAttribute('aria-label'))).toEqual([
      '1 – Strongly disagree',
      '2 – Disagree',
      '3 – Somewhat disagree',
      '4 – Neither agree nor disagree',
      '5 – Somewhat agree',
      '6 – Agree',
      '7 – Strongly agree',
    ])
    expect(ui.getByText('Question 1 of 2')).toBeTruthy()
    fireEvent.click(ui.getByRole('radio', { name: /^2 / }))
    await ui.findByRole('radiogroup', { name: 'What got in the way?' })
    expect(ui.getByText('Question 2 of 2')).toBeTruthy()
    // "Other" selects and reveals its field; nothing is answered until Submit.
    fireEvent.click(ui.getByRole('radio', { name: 'Other' }))
    const submit = ui.getByRole('button', { name: 'Submit' }) as HTMLButtonElement
    expect(submit.disabled).toBe(true)
    const field = ui.getByRole('textbox', { name: /Other/ })
    fireEvent.input(field, { target: { value: 'Too many clicks' } })
    fireEvent.click(submit)
    expect(answered.at(-1)).toEqual({
      answers: [
        { questionId: 'effort', value: 2 },
        { questionId: 'blocker', value: 'other', other: 'Too many clicks' },
      ],
      seq: 2,
      questionId: 'blocker',
      completed: true,
    })
    expect(completed).toHaveLength(1)
    expect(await ui.findByRole('heading', { name: 'Thank you!' })).toBeTruthy()
  })

  test('a 1–5 CES scale picks five of the seven labels', () => {
    const { ui } = show(single({ type: 'ces', scale: 5 }))
    expect(ui.getAllByRole('radio').map((r) => r.getAttribute('aria-label'))).toEqual([
      '1 – Strongly disagree',
      '2 – Disagree',
      '3 – Neither agree nor disagree',
      '4 – Agree',
      '5 – Strongly agree',
    ])
  })
})

describe('choice', () => {
  test('a single choice answers with the option id on click', () => {
    const { ui, answered } = show(single({ ...ces.questions[1] }))
    fireEvent.click(ui.getByRole('radio', { name: 'Speed' }))
    expect(answered[0]?.answers).toEqual([{ questionId: 'blocker', value: 'speed' }])
  })

  test('arrowing onto "other" keeps focus in the group; Enter on it moves to its field', async () => {
    const { ui, shadow } = show(single({ ...ces.questions[1] }))
    const speed = ui.getByRole('radio', { name: 'Speed' })
    speed.focus()
    fireEvent.keyDown(speed, { key: 'ArrowDown' })
    const other = ui.getByRole('radio', { name: 'Other' })
    expect(shadow.activeElement).toBe(other)
    expect(ui.getByRole('textbox', { name: /Other/ })).toBeTruthy()
    fireEvent.keyDown(other, { key: 'Enter' })
    expect(shadow.activeElement).toBe(ui.getByRole('textbox', { name: /Other/ }))
  })

  test.each([false, true])(
    'an authored option with the id "other" is a plain option, not the free-text one (multiple: %s)',
    (multiple) => {
      // Only `other: true` adds the "Please specify" field; a team's own "other" answers alone.
      const { ui, answered } = show(
        single({
          type: 'choice',
          multiple,
          options: [
            { id: 'speed', label: 'Speed' },
            { id: 'other', label: 'Something else' },
          ],
        }),
      )
      fireEvent.click(ui.getByRole(multiple ? 'checkbox' : 'radio', { name: 'Something else' }))
      expect(ui.queryByRole('textbox')).toBeNull()
      if (multiple) fireEvent.click(ui.getByRole('button', { name: 'Submit' }))
      expect(answered[0]?.answers).toEqual([
        { questionId: 'q', value: multiple ? ['other'] : 'other' },
      ])
    },
  )

  test('a multiple choice answers with ids in option order, other text in `other`', () => {
    const { ui, answered } = show(multi)
    expect(ui.getByRole('group', { name: 'Your view?' })).toBeTruthy()
    const submit = ui.getByRole('button', { name: 'Submit' }) as HTMLButtonElement
    expect(submit.disabled).toBe(true)
    fireEvent.click(ui.getByRole('checkbox', { name: 'Exports' }))
    fireEvent.click(ui.getByRole('checkbox', { name: 'Reports' }))
    expect(submit.disabled).toBe(false)
    fireEvent.click(ui.getByRole('checkbox', { name: 'Other' }))
    expect(submit.disabled).toBe(true)
    fireEvent.input(ui.getByRole('textbox'), { target: { value: ' API ' } })
    fireEvent.click(submit)
    expect(answered[0]?.answers).toEqual([
      { questionId: 'q', value: ['a', 'b', 'other'], other: 'API' },
    ])
  })
  // The demo's "What got in the way?": optional, so choosing "Other" and writing nothing must not
  // hold the respondent (a radio cannot be unchosen; another option would answer for them).
  test.each([false, true])(
    'an optional choice takes "Other" without its text (multiple: %s)',
    (multiple) => {
      const { ui, answered } = show(single({ ...ces.questions[1], multiple, optional: true }))
      fireEvent.click(ui.getByRole(multiple ? 'checkbox' : 'radio', { name: 'Other' }))
      const submit = ui.getByRole('button', { name: 'Submit' }) as HTMLButtonElement
      expect(submit.disabled).toBe(false)
      fireEvent.click(submit)
      expect(answered[0]?.answers).toEqual([
        { questionId: 'blocker', value: multiple ? ['other'] : 'other' },
      ])
    },
  )

  test('a held Enter on "Other" moves to its field and does not submit it empty', () => {
    // The first press chooses "Other" and moves focus to its field, where the repeats land.
    const { ui, shadow, answered } = show(single({ ...ces.questions[1], optional: true }))
    const other = ui.getByRole('radio', { name: 'Other' })
    other.focus()
    fireEvent.keyDown(other, { key: 'Enter' })
    const field = ui.getByRole('textbox', { name: /Other/ })
    expect(shadow.activeElement).toBe(field)
    fireEvent.keyDown(field, { key: 'Enter', repeat: true })
    expect(answered).toHaveLength(0)
    fireEvent.input(field, { target: { value: 'CLI' } })
    fireEvent.keyDown(field, { key: 'Enter' })
    expect(answered[0]?.answers).toEqual([{ questionId: 'blocker', value: 'other', other: 'CLI' }])
  })
})

describe('text', () => {
  test('counts characters, respects maxLength and submits trimmed text', () => {
    const { ui, answered } = show(text)
    const box = ui.getByRole('textbox', { name: 'Your view?' }) as HTMLTextAreaElement
    expect(box.maxLength).toBe(20)
    expect(ui.getByText('0/20')).toBeTruthy()
    const submit = ui.getByRole('button', { name: 'Submit' }) as HTMLButtonElement
    expect(submit.disabled).toBe(true)
    fireEvent.input(box, { target: { value: '  Faster exports ' } })
    expect(ui.getByText('17/20')).toBeTruthy()
    expect(ui.getByText('Characters left: 3')).toBeTruthy()
    fireEvent.click(submit)
    expect(answered[0]?.answers).toEqual([{ questionId: 'q', value: 'Faster exports' }])
  })

  test('a held Ctrl+Enter (key repeat) does not go on to submit the next question', async () => {
    // The first press submits and moves focus to the next field, where the repeats land.
    const survey = single(
      { type: 'text' },
      {
        questions: [
          { id: 'a', type: 'text', optional: true, text: 'A?' },
          { id: 'b', type: 'text', optional: true, text: 'B?' },
        ],
      },
    )
    const { ui, answered, completed } = show(survey)
    const a = ui.getByRole('textbox', { name: 'A?' })
    fireEvent.input(a, { target: { value: 'Yes' } })
    fireEvent.keyDown(a, { key: 'Enter', ctrlKey: true })
    const b = await ui.findByRole('textbox', { name: 'B?' })
    fireEvent.keyDown(b, { key: 'Enter', ctrlKey: true, repeat: true })
    expect(answered.map((e) => e.questionId)).toEqual(['a'])
    expect(completed).toEqual([])
    expect(ui.queryByRole('textbox', { name: 'B?' })).toBe(b)
  })

  test('Ctrl+Enter submits; an optional empty text is skipped without an answer', async () => {
    const { ui, answered, completed } = show(nps)
    fireEvent.click(ui.getByRole('radio', { name: /^9$/ }))
    const box = await ui.findByRole('textbox', { name: /love/ })
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true })
    expect(answered).toHaveLength(1)
    expect(completed).toEqual([{ answers: [{ questionId: 'score', value: 9 }], seq: 1 }])
  })
})

// Keys that confirm or cancel an IME word (Japanese, Chinese, Korean…): Chromium and Firefox set
// isComposing, Safari's Enter after compositionend has only keyCode 229.
describe.each([{ isComposing: true }, { keyCode: 229 }])('IME composition (%o)', (ime) => {
  test('the Enter that confirms a word in the "other" field does not submit it', () => {
    const { ui, answered } = show(single({ ...ces.questions[1] }))
    fireEvent.keyDown(ui.getByRole('radio', { name: 'Other' }), { key: 'Enter' })
    const field = ui.getByRole('textbox', { name: /Other/ })
    fireEvent.input(field, { target: { value: 'にほんご' } })
    fireEvent.keyDown(field, { key: 'Enter', ...ime })
    expect(answered).toEqual([])
    fireEvent.keyDown(field, { key: 'Enter' })
    expect(answered).toHaveLength(1)
  })

  test('nor does a Ctrl+Enter in a text answer', async () => {
    const { ui, answered } = show(nps)
    fireEvent.click(ui.getByRole('radio', { name: /^9$/ }))
    const box = await ui.findByRole('textbox', { name: /love/ })
    fireEvent.input(box, { target: { value: '速い' } })
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true, ...ime })
    expect(answered).toHaveLength(1)
  })
})
