import { fireEvent, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, test } from 'vitest'
import { closeAll, show } from './test/show'
import { spokenLangs } from './test/spokenLangs'
import { ces, nps, single } from './test/surveys'

afterEach(closeAll)

describe('mount', () => {
  test('one host element with an open shadow root, styled without <style> when it can', () => {
    const { handle, shadow } = show(nps)
    expect(document.body.querySelectorAll('sonde-root')).toHaveLength(1)
    expect(handle.host.parentElement).toBe(document.body)
    expect(shadow.mode).toBe('open')
    expect(shadow.adoptedStyleSheets.length + shadow.querySelectorAll('style').length).toBe(1)
  })

  test('mounts into a given container', () => {
    const container = document.createElement('section')
    document.body.append(container)
    const { handle } = show(nps, { container })
    expect(handle.host.parentElement).toBe(container)
  })

  test('the prompt is a dialog named by its question, with lang and dir', () => {
    const { ui } = show(nps)
    const dialog = ui.getByRole('dialog', { name: /recommend Acme/ })
    expect(dialog.getAttribute('lang')).toBe('en')
    expect(dialog.getAttribute('dir')).toBe('ltr')
    expect(dialog.getAttribute('data-pos')).toBe('bottom-right')
    expect(dialog.getAttribute('popover')).toBe('manual')
  })

  test('survey text is rendered as text, never as HTML', () => {
    const xss = '<img src=x onerror="alert(1)"><b>bold</b>'
    const { ui, shadow } = show(single({ type: 'nps', text: xss }))
    expect(ui.getByRole('heading').textContent).toBe(xss)
    expect(shadow.querySelector('img, b')).toBeNull()
  })

  test('theme values become custom properties on the surface (a style object, not a string)', () => {
    const theme = { accent: '#fde047', radius: 4, colorScheme: 'dark' as const }
    const { ui } = show(nps, { theme })
    const dialog = ui.getByRole('dialog')
    expect(dialog.style.getPropertyValue('--sonde-accent')).toBe('#fde047')
    expect(dialog.style.getPropertyValue('--sonde-on-accent')).toBe('#111827')
    expect(dialog.style.getPropertyValue('--sonde-radius')).toBe('4px')
    expect(dialog.getAttribute('data-scheme')).toBe('dark')
  })
})

describe('focus', () => {
  test('a corner prompt leaves focus where it is and announces itself politely', async () => {
    const input = document.createElement('input')
    document.body.append(input)
    input.focus()
    const { ui } = show(nps)
    const status = ui.getByRole('status')
    await waitFor(() => expect(status.textContent).toMatch(/^Survey: How likely/))
    expect(document.activeElement).toBe(input)
  })

  test('a center prompt is modal, takes focus, and gives it back on close', async () => {
    const button = document.createElement('button')
    document.body.append(button)
    button.focus()
    const { ui, shadow, dismissed } = show(nps, { position: 'center' })
    const dialog = ui.getByRole('dialog', { name: /recommend/ })
    expect(dialog.tagName).toBe('DIALOG')
    await waitFor(() => expect(shadow.activeElement?.textContent).toBe('0'))
    fireEvent.click(ui.getByRole('button', { name: 'Close' }))
    expect(dismissed).toHaveLength(1)
    expect(document.activeElement).toBe(button)
  })

  test('after an answer, focus moves to the next question', async () => {
    const { ui, shadow } = show(nps)
    fireEvent.click(ui.getByRole('radio', { name: /^2$/ }))
    const box = await ui.findByRole('textbox')
    await waitFor(() => expect(shadow.activeElement).toBe(box))
  })
})

describe('progress', () => {
  test('"Question 2 of 3" describes the input focus moves to, so it is read on arrival', () => {
    const { ui, shadow } = show(
      single(
        { type: 'nps' },
        { questions: ['a', 'b', 'c'].map((id) => ({ id, type: 'nps', text: `${id}?` })) },
      ),
    )
    const described = (el: Element) =>
      el
        .getAttribute('aria-describedby')
        ?.split(' ')
        .map((id) => shadow.getElementById(id)?.textContent)
    expect(described(ui.getByRole('radiogroup', { name: 'a?' }))).toEqual(['Question 1 of 3'])
    fireEvent.click(ui.getByRole('radio', { name: /^5$/ }))
    const group = ui.getByRole('radiogroup', { name: 'b?' })
    expect(group.contains(shadow.activeElement)).toBe(true)
    expect(described(group)).toEqual(['Question 2 of 3'])
  })

  test('a text answer is described by the progress, then its character count', async () => {
    const { ui, shadow } = show(nps)
    fireEvent.click(ui.getByRole('radio', { name: /^3$/ }))
    const box = await ui.findByRole('textbox')
    const ids = box.getAttribute('aria-describedby')?.split(' ') ?? []
    expect(ids.map((id) => shadow.getElementById(id)?.textContent)).toEqual([
      'Question 2 of 2',
      'Characters left: 1000',
    ])
  })
})

describe('dismissal', () => {
  test('the close button reports answers so far and removes the host', () => {
    const { ui, handle, dismissed, closed } = show(ces)
    fireEvent.click(ui.getByRole('radio', { name: /^6/ }))
    fireEvent.click(ui.getByRole('button', { name: 'Close' }))
    expect(dismissed).toEqual([
      { answers: [{ questionId: 'effort', value: 6 }], seq: 1, reason: 'close' },
    ])
    expect(handle.host.isConnected).toBe(false)
    expect(closed()).toBe(1)
  })

  test('Escape dismisses a dismissible prompt', () => {
    const { ui, dismissed } = show(nps)
    fireEvent.keyDown(ui.getByRole('radio', { name: /^0/ }), { key: 'Escape' })
    expect(dismissed.map((d) => d.reason)).toEqual(['escape'])
  })

  test.each([{ isComposing: true }, { keyCode: 229 }])(
    'the Escape that cancels an IME composition keeps the prompt and its text (%o)',
    async (ime) => {
      const { ui, dismissed } = show(nps)
      fireEvent.click(ui.getByRole('radio', { name: /^9$/ }))
      const box = await ui.findByRole('textbox', { name: /love/ })
      fireEvent.input(box, { target: { value: 'とても' } })
      fireEvent.keyDown(box, { key: 'Escape', ...ime })
      expect(dismissed).toEqual([])
    },
  )

  test('a prompt that is not dismissible has no close button and ignores Escape', () => {
    const { ui, dismissed } = show(nps, { dismissible: false })
    expect(ui.queryByRole('button', { name: 'Close' })).toBeNull()
    fireEvent.keyDown(ui.getByRole('radio', { name: /^0/ }), { key: 'Escape' })
    expect(dismissed).toHaveLength(0)
  })

  test('handle.close() reports reason "api"; nothing is reported after completion', () => {
    const a = show(nps)
    a.handle.close()
    expect(a.dismissed.map((d) => d.reason)).toEqual(['api'])
    const b = show(single({ type: 'nps' }))
    fireEvent.click(b.ui.getByRole('radio', { name: /^8$/ }))
    expect(b.completed).toHaveLength(1)
    b.handle.close()
    expect(b.dismissed).toHaveLength(0)
  })

  test('the thank-you screen closes by itself after autoCloseMs', async () => {
    const { ui, handle } = show(single({ type: 'nps' }, { thankYou: 'Merci, really' }), {
      autoCloseMs: 20,
    })
    fireEvent.click(ui.getByRole('radio', { name: /^8$/ }))
    expect(ui.getByRole('dialog', { name: 'Merci, really' })).toBeTruthy()
    await waitFor(() => expect(handle.host.isConnected).toBe(false))
  })
})

describe('partial answers', () => {
  test('every answer reports cumulative answers with an increasing seq', async () => {
    const { ui, answered } = show(nps)
    fireEvent.click(ui.getByRole('radio', { name: /^10/ }))
    fireEvent.input(await ui.findByRole('textbox'), { target: { value: 'Speed' } })
    fireEvent.click(ui.getByRole('button', { name: 'Submit' }))
    expect(answered.map((e) => e.seq)).toEqual([1, 2])
    expect(answered[1]).toEqual({
      answers: [
        { questionId: 'score', value: 10 },
        { questionId: 'love', value: 'Speed' },
      ],
      seq: 2,
      questionId: 'love',
      completed: true,
    })
  })

  test('mounting with progress resumes at the next unanswered question and continues seq', () => {
    const progress = { answers: [{ questionId: 'score', value: 2 }], seq: 4 }
    const { ui, answered } = show(nps, { progress })
    const box = ui.getByRole('textbox', { name: 'What should we improve first?' })
    fireEvent.input(box, { target: { value: 'Docs' } })
    fireEvent.click(ui.getByRole('button', { name: 'Submit' }))
    expect(answered).toEqual([
      {
        answers: [
          { questionId: 'score', value: 2 },
          { questionId: 'improve', value: 'Docs' },
        ],
        seq: 5,
        questionId: 'improve',
        completed: true,
      },
    ])
  })

  test('progress that already covers the survey completes at once', () => {
    const progress = {
      answers: [
        { questionId: 'score', value: 9 },
        { questionId: 'love', value: 'All' },
      ],
      seq: 2,
    }
    const { ui, completed } = show(nps, { progress })
    expect(completed).toEqual([progress])
    expect(ui.getByRole('heading', { name: 'Thank you!' })).toBeTruthy()
  })
})

describe('languages', () => {
  // First in this file: Spanish must not be loaded yet, so its strings arrive after English's.
  test('the last locale asked for wins, even when an earlier one loads later', async () => {
    const { ui, handle } = show(nps)
    handle.update({ locale: 'es' })
    handle.update({ locale: 'en' })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(ui.getByRole('button', { name: 'Close' })).toBeTruthy()
    expect(ui.getByRole('dialog').getAttribute('lang')).toBe('en')
  })

  test('French: question, end labels and buttons in French', async () => {
    const { ui, handle } = show(nps, { locale: 'fr-CA' })
    await handle.ready
    expect(await ui.findByRole('dialog', { name: /recommandiez Acme/ })).toBeTruthy()
    expect(ui.getByRole('radio', { name: '0 – Pas du tout probable' })).toBeTruthy()
    expect(ui.getByRole('button', { name: 'Fermer' })).toBeTruthy()
    fireEvent.click(ui.getByRole('radio', { name: /^9$/ }))
    expect(await ui.findByRole('button', { name: 'Envoyer' })).toBeTruthy()
    expect(ui.getByRole('dialog').getAttribute('lang')).toBe('fr-CA')
  })

  test('a two-question path says Suivant before the last question', async () => {
    const { ui, handle } = show(single({ type: 'text' }, {}), { locale: 'fr' })
    await handle.ready
    expect(ui.getByRole('button', { name: 'Envoyer' })).toBeTruthy()
    const two = show(
      single(
        { type: 'text' },
        {
          questions: [
            { id: 'a', type: 'text', text: 'A?' },
            { id: 'b', type: 'text', text: 'B?' },
          ],
        },
      ),
      { locale: 'fr' },
    )
    await two.handle.ready
    expect(two.ui.getByRole('button', { name: 'Suivant' })).toBeTruthy()
  })

  test('Arabic: dir=rtl, lang=ar, Arabic buttons; arrows follow the reading direction', async () => {
    const { ui, handle, answered } = show(nps, { locale: 'ar' })
    await handle.ready
    const dialog = ui.getByRole('dialog', { name: /Acme/ })
    expect(dialog.getAttribute('dir')).toBe('rtl')
    expect(dialog.getAttribute('lang')).toBe('ar')
    expect(ui.getByRole('button', { name: 'إغلاق' })).toBeTruthy()
    expect(ui.getByRole('heading').hasAttribute('lang')).toBe(false)
    const five = ui.getByRole('radio', { name: /^5$/ })
    fireEvent.keyDown(five, { key: 'ArrowLeft' })
    expect(ui.getByRole('radio', { name: /^6$/ }).getAttribute('aria-checked')).toBe('true')
    expect(answered).toHaveLength(0)
    // The follow-up exists only in English: it says so, inside the Arabic surface.
    fireEvent.keyDown(ui.getByRole('radio', { name: /^6$/ }), { key: 'Enter' })
    const heading = await ui.findByRole('heading', { name: 'What should we improve first?' })
    expect(heading.getAttribute('lang')).toBe('en')
    expect(ui.getByRole('button', { name: 'إرسال' })).toBeTruthy()
  })

  test.each([
    ['ru', 'Закрыть'],
    ['de', 'Schließen'],
    ['es', 'Cerrar'],
    ['pt-BR', 'Fechar'],
    ['ja', '閉じる'],
    ['zh-TW', '關閉'],
    ['sv-SE', 'Close'],
  ])('%s close button says %s', async (locale, close) => {
    const { ui, handle } = show(nps, { locale })
    await handle.ready
    expect(ui.getByRole('button', { name: close })).toBeTruthy()
  })

  test("the announcement is read in the language of its question, not the page's", async () => {
    // A page in English (its <html lang>) showing a French prompt: the region sits outside the
    // surface, so without its own lang a screen reader speaks the French with an English voice.
    document.documentElement.lang = 'en'
    try {
      const { ui, handle } = show(nps, { locale: 'fr' })
      await handle.ready
      const status = ui.getByRole('status')
      await waitFor(() => expect(status.textContent).toMatch(/recommandiez Acme/))
      expect(status.closest('[lang]')?.getAttribute('lang')).toBe('fr')
      // A question with no text in the respondent's language is announced in the one shown.
      const pt = show(nps, { locale: 'sv' })
      await pt.handle.ready
      const region = pt.ui.getByRole('status')
      await waitFor(() => expect(region.textContent).toMatch(/recommend Acme/))
      expect(region.closest('[lang]')?.getAttribute('lang')).toBe('en')
    } finally {
      document.documentElement.removeAttribute('lang')
    }
  })

  test('the announcement speaks its UI words and its question each in their own language', async () => {
    // Russian UI strings, a question with no Russian text: "Опрос:" must not get an English voice.
    const { ui, handle } = show(nps, { locale: 'ru' })
    await handle.ready
    const status = ui.getByRole('status')
    await waitFor(() => expect(status.textContent).toMatch(/^Опрос: How likely/))
    expect(spokenLangs(status)).toEqual([
      ['Опрос:', 'ru'],
      ['How likely are you to recommend Acme to a friend or colleague?', 'en'],
    ])
  })

  test('update() switches language and keeps the answers', async () => {
    const { ui, handle, answered } = show(ces)
    fireEvent.click(ui.getByRole('radio', { name: /^7/ }))
    handle.update({ locale: 'de' })
    await waitFor(() => expect(ui.getByRole('button', { name: 'Schließen' })).toBeTruthy())
    expect(ui.getByText('Frage 2 von 2')).toBeTruthy()
    expect(answered).toHaveLength(1)
  })
})
