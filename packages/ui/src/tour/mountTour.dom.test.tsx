import { fireEvent, waitFor } from '@testing-library/preact'
import { afterEach, beforeAll, describe, expect, test } from 'vitest'
import { spokenLangs } from '../test/spokenLangs'
import { addTarget, closeTours, showTour, tour, withBox } from './test/showTour'

afterEach(closeTours)
// happy-dom lays nothing out: give the viewport a size, so a target at (100, 100) is in view.
beforeAll(() => {
  for (const [name, value] of [
    ['clientWidth', 1024],
    ['clientHeight', 768],
  ] as const) {
    Object.defineProperty(document.documentElement, name, { value, configurable: true })
  }
})

const three = tour({
  steps: [
    { id: 'new', target: '#new', title: 'Create a report', body: 'Start here.' },
    { id: 'export', target: '#export', title: 'Export', body: 'Download as CSV.' },
    { id: 'bye', title: 'All set' },
  ],
})

function page() {
  return { next: withBox(addTarget('new')), export: withBox(addTarget('export')) }
}

const esc = (el: Element) => fireEvent.keyDown(el, { key: 'Escape', bubbles: true })

describe('navigation', () => {
  test('a non-modal dialog named by its title, with a step counter and real buttons', async () => {
    page()
    const { ui, tip, handle } = showTour(three)
    await handle.ready
    const dialog = ui.getByRole('dialog', { name: 'Create a report' })
    expect(dialog).toBe(tip())
    expect(dialog.getAttribute('popover')).toBe('manual')
    expect(dialog.hasAttribute('aria-modal')).toBe(false)
    expect(dialog.getAttribute('aria-describedby')).toBe(ui.getByText('Start here.').id)
    expect(ui.getByText('Step 1 of 3')).toBeTruthy()
    expect(ui.getAllByRole('button').map((b) => b.textContent)).toEqual(['Skip tour', 'Next'])
  })

  test('Next, Back and Done move through the steps and report each one', async () => {
    page()
    const { ui, handle, shown, stepped, completed, closed } = showTour(three)
    await handle.ready
    fireEvent.click(ui.getByRole('button', { name: 'Next' }))
    expect(ui.getByRole('dialog', { name: 'Export' })).toBeTruthy()
    expect(ui.getByText('Step 2 of 3')).toBeTruthy()
    fireEvent.click(ui.getByRole('button', { name: 'Back' }))
    expect(ui.getByText('Step 1 of 3')).toBeTruthy()
    fireEvent.click(ui.getByRole('button', { name: 'Next' }))
    fireEvent.click(ui.getByRole('button', { name: 'Next' }))
    const last = ui.getByRole('dialog', { name: 'All set' })
    expect(last.getAttribute('data-pos')).toBe('center')
    expect(ui.queryByRole('button', { name: 'Skip tour' })).toBeNull()
    fireEvent.click(ui.getByRole('button', { name: 'Done' }))
    expect(shown.map((s) => s.index)).toEqual([0, 1, 0, 1, 2])
    expect(stepped.map((s) => s.stepId)).toEqual(['new', 'export', 'new', 'export', 'bye'])
    expect(stepped.every((s) => s.dwellMs >= 0)).toBe(true)
    expect(stepped.map((s) => s.to)).toEqual([1, 0, 1, 2, 3])
    expect(completed).toHaveLength(1)
    expect(closed()).toBe(1)
    expect(document.querySelector('sonde-root')).toBeNull()
  })

  test('Skip tour dismisses with reason close; the handle then does nothing', async () => {
    page()
    const { ui, handle, dismissed, completed } = showTour(three)
    await handle.ready
    fireEvent.click(ui.getByRole('button', { name: 'Skip tour' }))
    expect(dismissed).toEqual([{ stepId: 'new', index: 0, reason: 'close' }])
    handle.next()
    handle.close()
    expect(dismissed).toHaveLength(1)
    expect(completed).toHaveLength(0)
  })

  test('Esc exits from inside the tooltip and from the page, unless the page used it', async () => {
    const { next } = page()
    const first = showTour(three)
    await first.handle.ready
    esc(first.ui.getByRole('button', { name: 'Next' }))
    expect(first.dismissed).toEqual([{ stepId: 'new', index: 0, reason: 'esc' }])

    const second = showTour(three)
    await second.handle.ready
    next.addEventListener('keydown', (event) => event.preventDefault(), { once: true })
    esc(next)
    expect(second.dismissed).toEqual([])
    esc(next)
    expect(second.dismissed).toEqual([{ stepId: 'new', index: 0, reason: 'esc' }])
  })

  test.each([{ isComposing: true }, { keyCode: 229 }])(
    'the Esc that cancels an IME composition in the page keeps the tour (%o)',
    async (ime) => {
      const { next } = page()
      const { handle, dismissed } = showTour(three)
      await handle.ready
      fireEvent.keyDown(next, { key: 'Escape', bubbles: true, ...ime })
      expect(dismissed).toEqual([])
    },
  )

  test('startAt resumes at a step; close() reports api, or the reason given', async () => {
    page()
    const a = showTour(three, { startAt: 1 })
    await a.handle.ready
    expect(a.ui.getByText('Step 2 of 3')).toBeTruthy()
    a.handle.close()
    expect(a.dismissed).toEqual([{ stepId: 'export', index: 1, reason: 'api' }])
    const b = showTour(three)
    await b.handle.ready
    b.handle.close('route')
    expect(b.dismissed[0]?.reason).toBe('route')
  })

  test('resumed on the next page, no Back towards a step whose target was on the page before', async () => {
    // Back there would hide the tooltip, wait for a target that cannot come, then end the tour
    // as missing_target.
    withBox(addTarget('export'))
    const { ui, handle } = showTour(three, { startAt: 1 })
    await handle.ready
    expect(ui.getAllByRole('button').map((b) => b.textContent)).toEqual(['Skip tour', 'Next'])
    fireEvent.click(ui.getByRole('button', { name: 'Next' }))
    // The centred step before it has no target to miss: Back stays.
    expect(ui.getAllByRole('button').map((b) => b.textContent)).toEqual(['Back', 'Done'])
    // Once the first step's target is in the page, Back leads to it again.
    withBox(addTarget('new'))
    fireEvent.click(ui.getByRole('button', { name: 'Back' }))
    expect(ui.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Skip tour',
      'Back',
      'Next',
    ])
  })

  test('strings follow the locale; the counter is announced politely', async () => {
    page()
    const { ui, handle } = showTour(three, { locale: 'fr' })
    await handle.ready
    expect(ui.getByText('Étape 1 sur 3')).toBeTruthy()
    expect(ui.getByRole('button', { name: 'Suivant' })).toBeTruthy()
    expect(ui.getByRole('button', { name: 'Passer la visite' })).toBeTruthy()
    const status = ui.getByRole('status')
    await waitFor(() => expect(status.textContent).toBe('Étape 1 sur 3: Create a report'))
  })

  test('English strings standing in for a locale without its own are marked lang=en', async () => {
    page()
    const { ui, handle } = showTour(three, { locale: 'sv-SE' })
    await handle.ready
    const langOf = (el: Element) => el.closest('[lang]')?.getAttribute('lang')
    expect(langOf(ui.getByRole('dialog'))).toBe('sv-SE')
    expect(langOf(ui.getByRole('button', { name: 'Next' }))).toBe('en')
    expect(langOf(ui.getByText('Step 1 of 3'))).toBe('en')
  })

  test('Traditional Chinese strings on a zh-HK tour are in its language, not a generic zh-Hant', async () => {
    page()
    const { ui, handle } = showTour(three, { locale: 'zh-HK' })
    await handle.ready
    const langOf = (el: Element) => el.closest('[lang]')?.getAttribute('lang')
    expect(langOf(ui.getByRole('button', { name: '下一步' }))).toBe('zh-HK')
    expect(langOf(ui.getByText('第 1 步，共 3 步'))).toBe('zh-HK')
  })

  test('the announcement speaks the counter and the title each in their own language', async () => {
    // A French UI over a tour written in English: the title must not get a French voice.
    page()
    const { ui, handle } = showTour(three, { locale: 'fr' })
    await handle.ready
    const status = ui.getByRole('status')
    await waitFor(() => expect(status.textContent).toBe('Étape 1 sur 3: Create a report'))
    expect(spokenLangs(status)).toEqual([
      ['Étape 1 sur 3:', 'fr'],
      ['Create a report', 'en'],
    ])
  })

  test('content is rendered as text, never as HTML', async () => {
    const xss = '<img src=x onerror="alert(1)"><b>bold</b>'
    const { ui, shadow, handle } = showTour(tour({ steps: [{ id: 'a', title: xss, body: xss }] }))
    await handle.ready
    expect(ui.getByRole('heading').textContent).toBe(xss)
    expect(shadow.querySelector('img, b')).toBeNull()
  })
})

describe('advanceOn', () => {
  const clicky = tour({
    steps: [
      { id: 'a', target: '#new', title: 'Click it', advanceOn: { click: true } },
      { id: 'b', target: '#export', title: 'Then export', advanceOn: { event: 'exported' } },
      { id: 'c', title: 'Done' },
    ],
  })

  test('a click on the target advances; a tracked event advances its step', async () => {
    const { next } = page()
    const { ui, handle, stepped } = showTour(clicky)
    await handle.ready
    // No Next button: the target, or the event, is the way forward.
    expect(ui.queryByRole('button', { name: 'Next' })).toBeNull()
    fireEvent.click(next)
    await waitFor(() => expect(ui.getByRole('dialog', { name: 'Then export' })).toBeTruthy())
    expect(ui.queryByRole('button', { name: 'Next' })).toBeNull()
    handle.signal('other_event')
    expect(ui.getByRole('dialog', { name: 'Then export' })).toBeTruthy()
    handle.signal('exported')
    expect(ui.getByRole('dialog', { name: 'Done' })).toBeTruthy()
    expect(stepped.map((s) => s.stepId)).toEqual(['a', 'b'])
  })

  test('a click on a link target reports the step at once: the next page may come before a task', async () => {
    const { next } = page()
    const { ui, handle, stepped } = showTour(clicky)
    await handle.ready
    fireEvent.click(next)
    expect(stepped).toEqual([expect.objectContaining({ stepId: 'a', to: 1 })])
    // A double click: reported once, moved on once.
    fireEvent.click(next)
    await waitFor(() => expect(ui.getByRole('dialog', { name: 'Then export' })).toBeTruthy())
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(stepped.map((s) => s.stepId)).toEqual(['a'])
    expect(ui.getByRole('dialog', { name: 'Then export' })).toBeTruthy()
  })

  test('a click on a link target of the last step completes the tour in the same task', async () => {
    const { next } = page()
    const link = tour({
      steps: [{ id: 'a', target: '#new', title: 'Open reports', advanceOn: { click: true } }],
    })
    const { ui, handle, stepped, completed, closed } = showTour(link)
    await handle.ready
    fireEvent.click(next)
    // The link's page may replace this one before another task: the completion goes with the step.
    expect(stepped).toEqual([expect.objectContaining({ stepId: 'a', to: 1 })])
    expect(completed).toHaveLength(1)
    expect(closed()).toBe(1)
    fireEvent.click(next)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(stepped).toHaveLength(1)
    expect(completed).toHaveLength(1)
    expect(ui.queryByRole('dialog')).toBeNull()
  })

  test('a last step that waits for an action can still be left with a button', async () => {
    page()
    const last = tour({
      steps: [
        { id: 'a', target: '#new', title: 'Look here' },
        { id: 'b', target: '#export', title: 'Now export', advanceOn: { event: 'exported' } },
      ],
    })
    const { ui, handle, dismissed } = showTour(last)
    await handle.ready
    fireEvent.click(ui.getByRole('button', { name: 'Next' }))
    // No Done (the action is the way forward) and no Esc on a touch screen: Skip ends it.
    expect(ui.queryByRole('button', { name: 'Done' })).toBeNull()
    fireEvent.click(ui.getByRole('button', { name: 'Skip tour' }))
    expect(dismissed).toEqual([{ stepId: 'b', index: 1, reason: 'close' }])
  })

  test('a click elsewhere, or inside the tooltip, does not advance', async () => {
    page()
    const other = addTarget('other')
    const { ui, handle } = showTour(clicky)
    await handle.ready
    fireEvent.click(other)
    fireEvent.click(ui.getByRole('heading'))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(ui.getByRole('dialog', { name: 'Click it' })).toBeTruthy()
  })
})

describe('spotlight', () => {
  test('a spotlight step is a modal dialog above an overlay that dismisses on click', async () => {
    page()
    const input = tour({ steps: [{ id: 'a', target: '#new', title: 'Look', spotlight: true }] })
    const { shadow, handle, dismissed } = showTour(input)
    await handle.ready
    const dialog = shadow.querySelector('dialog')
    expect(dialog?.getAttribute('aria-modal')).toBe('true')
    expect(dialog?.getAttribute('aria-labelledby')).toBeTruthy()
    const path = shadow.querySelector('.ov path')
    expect(path).not.toBeNull()
    fireEvent.click(path as Element)
    expect(dismissed).toEqual([{ stepId: 'a', index: 0, reason: 'overlay' }])
  })

  test('a spotlight step that advances on a target click stays non-modal', async () => {
    page()
    const input = tour({
      steps: [
        { id: 'a', target: '#new', title: 'Go', spotlight: true, advanceOn: { click: true } },
      ],
    })
    const { shadow, ui, handle } = showTour(input)
    await handle.ready
    expect(shadow.querySelector('dialog')).toBeNull()
    expect(ui.getByRole('dialog').hasAttribute('aria-modal')).toBe(false)
    expect(shadow.querySelector('.ov')).not.toBeNull()
  })
})
