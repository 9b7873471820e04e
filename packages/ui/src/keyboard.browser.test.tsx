import { afterEach, describe, expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import { closeAll, show } from './test/show'
import { csatEmoji, csatStars, multi, nps, text } from './test/surveys'

afterEach(closeAll)

function focusedInput(): HTMLInputElement {
  const input = document.createElement('input')
  input.setAttribute('aria-label', 'Search')
  document.body.append(input)
  input.focus()
  return input
}

const focused = (shadow: ShadowRoot) => shadow.activeElement as HTMLElement | null

describe('keyboard only, in Chromium', () => {
  test('a corner prompt does not steal focus from a host input being typed in', async () => {
    const input = focusedInput()
    await userEvent.keyboard('exp')
    const { handle } = show(nps)
    await handle.ready
    await userEvent.keyboard('ort')
    expect(input.value).toBe('export')
    expect(document.activeElement).toBe(input)
  })

  test('a corner prompt is the next Tab stop from the field focused, however the page goes on', async () => {
    const input = focusedInput()
    const link = document.createElement('a')
    link.href = '#help'
    link.textContent = 'Help'
    document.body.append(link)
    input.focus()
    const { shadow, handle } = show(nps)
    await handle.ready
    await userEvent.tab()
    expect(focused(shadow)?.textContent).toBe('0')
    await userEvent.tab({ shift: true })
    expect(document.activeElement).toBe(input)
    await userEvent.tab()
    await userEvent.tab()
    expect(focused(shadow)?.getAttribute('aria-label')).toBe('Close')
    await userEvent.tab()
    expect(document.activeElement).toBe(link)
  })

  test('keys typed in the prompt do not fire the page’s shortcuts', async () => {
    // As shortcut libraries do (Mousetrap, hotkeys-js): ignore keys typed in a text field.
    const shortcuts: string[] = []
    const page = new AbortController()
    const typing = (target: EventTarget | null) =>
      target instanceof HTMLElement && target.matches('input, textarea, [contenteditable]')
    for (const type of ['keydown', 'keypress', 'keyup'])
      document.addEventListener(
        type,
        (event) => {
          const { key } = event as KeyboardEvent
          if (!typing(event.target) && key !== 'Tab') shortcuts.push(`${type} ${key}`)
        },
        page,
      )
    focusedInput()
    const { shadow, answered, handle } = show(nps)
    await handle.ready
    await userEvent.tab()
    await userEvent.keyboard('9')
    await expect.poll(() => focused(shadow)?.tagName).toBe('TEXTAREA')
    await userEvent.keyboard('s/?')
    await userEvent.keyboard('{Escape}')
    expect(answered).toHaveLength(1)
    expect(handle.host.isConnected).toBe(false)
    page.abort()
    expect(shortcuts).toEqual([])
  })

  test('NPS → follow-up → thank-you → Esc, focus back in the host input', async () => {
    const input = focusedInput()
    const { shadow, answered, completed, handle } = show(nps)
    await handle.ready
    await userEvent.tab()
    expect(focused(shadow)?.textContent).toBe('0')
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}')
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}')
    expect(focused(shadow)?.getAttribute('aria-checked')).toBe('true')
    expect(focused(shadow)?.textContent).toBe('9')
    expect(answered).toHaveLength(0)
    await userEvent.keyboard('{Enter}')
    expect(answered.map((e) => e.answers)).toEqual([[{ questionId: 'score', value: 9 }]])
    await expect.poll(() => focused(shadow)?.tagName).toBe('TEXTAREA')
    await userEvent.keyboard('Fast')
    await userEvent.tab()
    expect(focused(shadow)?.textContent).toBe('Submit')
    await userEvent.keyboard('{Enter}')
    expect(completed).toHaveLength(1)
    expect(answered.at(-1)?.answers.at(-1)).toEqual({ questionId: 'love', value: 'Fast' })
    await expect.poll(() => focused(shadow)?.textContent).toBe('Thank you!')
    await userEvent.keyboard('{Escape}')
    expect(handle.host.isConnected).toBe(false)
    expect(document.activeElement).toBe(input)
  })

  test('stars and emoji: arrows then Space', async () => {
    for (const survey of [csatStars, csatEmoji]) {
      focusedInput()
      const { answered, handle } = show(survey)
      await handle.ready
      await userEvent.tab()
      await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowLeft}{ArrowRight}')
      expect(answered).toHaveLength(0)
      await userEvent.keyboard(' ')
      expect(answered.map((e) => e.answers)).toEqual([[{ questionId: 'q', value: 4 }]])
      closeAll()
    }
  })

  test('CES then single choice with arrows and Enter', async () => {
    const { ces } = await import('./test/surveys')
    focusedInput()
    const { shadow, answered, handle } = show(ces)
    await handle.ready
    await userEvent.tab()
    await userEvent.keyboard('{End}{Enter}')
    await expect.poll(() => focused(shadow)?.textContent).toBe('File format')
    await userEvent.keyboard('{ArrowDown}')
    expect(answered).toHaveLength(1)
    await userEvent.keyboard('{Enter}')
    expect(answered.at(-1)?.answers).toEqual([
      { questionId: 'effort', value: 7 },
      { questionId: 'blocker', value: 'speed' },
    ])
  })

  test('multiple choice with Space and Tab, then Submit', async () => {
    focusedInput()
    const { shadow, answered, handle } = show(multi)
    await handle.ready
    await userEvent.tab()
    await userEvent.keyboard(' ')
    await userEvent.tab()
    await userEvent.tab()
    await userEvent.keyboard(' ')
    await expect.poll(() => focused(shadow)?.tagName).toBe('INPUT')
    await userEvent.keyboard('CLI')
    await userEvent.keyboard('{Enter}')
    expect(answered[0]?.answers).toEqual([{ questionId: 'q', value: ['a', 'other'], other: 'CLI' }])
  })

  test('text with Ctrl+Enter', async () => {
    focusedInput()
    const { answered, handle } = show(text)
    await handle.ready
    await userEvent.tab()
    await userEvent.keyboard('Too slow{Control>}{Enter}{/Control}')
    expect(answered[0]?.answers).toEqual([{ questionId: 'q', value: 'Too slow' }])
  })

  test('NPS in two keystrokes from a corner: Tab, then the score typed', async () => {
    focusedInput()
    const { shadow, answered, handle } = show(nps)
    await handle.ready
    await userEvent.tab()
    await userEvent.keyboard('9')
    expect(answered.map((e) => e.answers)).toEqual([[{ questionId: 'score', value: 9 }]])
    await expect.poll(() => focused(shadow)?.tagName).toBe('TEXTAREA')
  })

  test('in a modal, typed at once: 1 then 0 is 10; 1 alone answers 1 after a moment', async () => {
    for (const [keys, value] of [
      ['10', 10],
      ['1', 1],
    ] as const) {
      const { shadow, answered, handle } = show(nps, { position: 'center' })
      await handle.ready
      await userEvent.keyboard(keys)
      await expect.poll(() => answered.map((e) => e.answers[0]?.value)).toEqual([value])
      await expect.poll(() => focused(shadow)?.tagName).toBe('TEXTAREA')
      await userEvent.keyboard('0')
      expect(answered).toHaveLength(1)
      closeAll()
    }
  })

  test('a key held on the scale does not repeat into the follow-up it moved to', async () => {
    for (const held of ['{9>4}', '{Enter>4}']) {
      const { shadow, answered, handle } = show(nps, { position: 'center' })
      await handle.ready
      if (held.startsWith('{Enter')) await userEvent.keyboard('{End}')
      await userEvent.keyboard(held)
      expect(answered.map((e) => e.answers)).toHaveLength(1)
      const field = shadow.querySelector('textarea')
      expect(shadow.activeElement).toBe(field)
      expect(field?.value).toBe('')
      await userEvent.keyboard('{/9}{/Enter}Fast')
      expect(field?.value).toBe('Fast')
      closeAll()
    }
  })

  test('a center prompt is modal: focus moves in, Tab stays inside, Esc returns focus', async () => {
    const input = focusedInput()
    const { shadow, dismissed, handle } = show(nps, { position: 'center' })
    await handle.ready
    await expect.poll(() => focused(shadow)?.textContent).toBe('0')
    await userEvent.tab()
    expect(focused(shadow)?.getAttribute('aria-label')).toBe('Close')
    await userEvent.keyboard('{Escape}')
    expect(dismissed.map((d) => d.reason)).toEqual(['escape'])
    expect(document.activeElement).toBe(input)
  })
})
