import { afterEach, describe, expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import { closeAll, show } from './test/show'
import { nps } from './test/surveys'

afterEach(closeAll)

// The page outside a modal dialog is inert: a prompt shown then could be seen but not used. In a
// web component (Material's md-dialog), the dialog lies in the component's open shadow root.
function openModal({ inComponent = false } = {}): HTMLDialogElement {
  const dialog = document.createElement('dialog')
  const button = document.createElement('button')
  button.textContent = 'Export'
  dialog.append(button)
  if (inComponent) {
    const component = document.createElement('app-dialog')
    component.attachShadow({ mode: 'open' }).append(dialog)
    document.body.append(component)
  } else document.body.append(dialog)
  dialog.showModal()
  button.focus()
  return dialog
}

// A prompt that left before it was ever on screen: no dialog, no dismissal, closed once (and,
// when it `left`, its host gone from the page).
function expectNeverShown(shown: ReturnType<typeof show>, { left = false } = {}) {
  expect(shown.shadow.querySelector('[role=dialog]')).toBeNull()
  if (left) expect(shown.handle.host.isConnected).toBe(false)
  expect(shown.dismissed).toEqual([])
  expect(shown.closed()).toBe(1)
}

describe('a modal dialog of the page is open', () => {
  test.each([
    ['in the page', false],
    ['in a web component', true],
  ])(
    '%s: a prompt due then waits for it to close, and can then be answered',
    async (_, inComponent) => {
      const dialog = openModal({ inComponent })
      const { shadow, answered, handle } = show(nps)
      let ready = false
      void handle.ready.then(() => {
        ready = true
      })
      await new Promise((resolve) => setTimeout(resolve, 600))
      expect(shadow.querySelector('[role=dialog]')).toBeNull()
      expect(ready).toBe(false)

      dialog.close()
      await handle.ready
      const zero = shadow.querySelector<HTMLElement>('[role=radio]') as HTMLElement
      expect(shadow.querySelector('[role=dialog]')?.matches(':popover-open')).toBe(true)
      const r = zero.getBoundingClientRect()
      expect(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)).toBe(
        handle.host,
      )
      zero.focus()
      expect(shadow.activeElement).toBe(zero)
      await userEvent.keyboard('{Enter}')
      expect(answered).toHaveLength(1)
    },
  )

  test('closed while it waits, it never shows and reports nothing', async () => {
    openModal()
    const shown = show(nps)
    const { handle } = shown
    handle.close()
    await handle.ready
    expectNeverShown(shown)
  })

  test('no longer due while it waits: it leaves without showing and reports no dismissal', async () => {
    const dialog = openModal()
    let due = true
    const shown = show(nps, { due: () => due })
    const { handle } = shown
    await new Promise((resolve) => setTimeout(resolve, 300))
    due = false // for the SDK: the route changed
    dialog.close()
    await handle.ready
    expectNeverShown(shown, { left: true })
  })

  test('no longer due while its language loads: it leaves without showing, reporting nothing', async () => {
    let due = true
    const shown = show(nps, { locale: 'ru', due: () => due })
    const { handle } = shown
    due = false // for the SDK: the route changed while the Russian strings were downloading
    await handle.ready
    expectNeverShown(shown, { left: true })
  })

  test('closed while its language loads: it never showed, so it reports no dismissal', async () => {
    // For the SDK: the route changed, or destroy(), while the Spanish strings were downloading.
    // A dismissal here would put survey.dismissed on the wire, and a dismiss cooldown on the
    // person, for a survey they never saw.
    const shown = show(nps, { locale: 'es' })
    const { handle } = shown
    handle.close()
    await handle.ready
    expectNeverShown(shown)
  })

  test('closed while it waits: nothing runs for it afterwards (no poll, no strings chunk)', async () => {
    openModal()
    const polls = new Set<number>()
    const { setTimeout: realSet, clearTimeout: realClear } = window
    // Tracks the 250 ms polls still pending.
    window.setTimeout = ((fn: () => void, ms?: number) => {
      const id = realSet(() => {
        polls.delete(id)
        fn()
      }, ms)
      if (ms === 250) polls.add(id)
      return id
    }) as typeof setTimeout
    window.clearTimeout = ((id: number) => {
      polls.delete(id)
      realClear(id)
    }) as typeof clearTimeout
    try {
      const { handle, dismissed } = show(nps, { locale: 'fr' })
      await new Promise((resolve) => realSet(resolve, 300))
      const t = performance.now()
      handle.close()
      const pending = polls.size
      await handle.ready
      await new Promise((resolve) => realSet(resolve, 100))
      handle.update({ locale: 'de' })
      handle.close() // again: still never shown, so still no dismissal
      await new Promise((resolve) => realSet(resolve, 100))
      const loaded = performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime >= t && e.name.includes('strings/'))
        .map((e) => new URL(e.name).pathname)
      expect({ pending, loaded, dismissed }).toEqual({ pending: 0, loaded: [], dismissed: [] })
    } finally {
      window.setTimeout = realSet
      window.clearTimeout = realClear
    }
  })
})
