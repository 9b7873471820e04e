import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { el, until } from './test/layout'
import { closeTours, showTour, tour } from './test/showTour'

beforeEach(() => page.viewport(1024, 768))
afterEach(closeTours)

const plain = tour({
  steps: [
    { id: 'one', target: '#t', title: 'Create a report', body: 'Start here.' },
    { id: 'two', target: '#u', title: 'Export', body: 'Download as CSV.' },
  ],
})

describe('the page’s modal dialogs', () => {
  test('a step whose target is in an open modal <dialog> can be used; it leaves as that closes', async () => {
    // A step that explains a control of the app's open modal (an export dialog, say).
    const dialog = document.createElement('dialog')
    document.body.append(dialog)
    el('button', {}, dialog, 't')
    dialog.showModal()
    const { handle, shadow, tip } = showTour(plain)
    await handle.ready
    expect(tip()?.matches(':popover-open')).toBe(true)
    const next = [...shadow.querySelectorAll('button')].find((b) => b.textContent === 'Next')
    next?.focus()
    expect(shadow.activeElement).toBe(next)
    const r = (next as HTMLElement).getBoundingClientRect()
    expect(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)).toBe(handle.host)

    dialog.close()
    await until(() => handle.host.parentElement === document.body)
    expect(tip()?.matches(':popover-open')).toBe(true)
  })
})

describe('Esc closes only the topmost layer', () => {
  test.each([
    [
      'a modal <dialog>',
      'dialog',
      (layer: HTMLElement) => (layer as HTMLDialogElement).showModal(),
    ],
    [
      'a menu popover',
      'div',
      (layer: HTMLElement) => {
        layer.popover = 'auto'
        layer.showPopover()
      },
    ],
  ])('%s the app opens over a tooltip closes, the tour stays', async (_, tag, open) => {
    el('button', { margin: '40px' }, document.body, 't')
    const { handle, dismissed, tip } = showTour(plain)
    await handle.ready
    const layer = document.createElement(tag)
    const ok = el('button', {}, layer)
    ok.textContent = 'OK'
    document.body.append(layer)
    open(layer)
    ok.focus()

    await userEvent.keyboard('{Escape}')
    expect(layer.matches(':modal, :popover-open')).toBe(false)
    expect(dismissed).toEqual([])
    expect(tip()?.matches(':popover-open')).toBe(true)
  })
})
