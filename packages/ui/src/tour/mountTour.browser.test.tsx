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

    // Closed, it hides the target: the step leaves it and waits in the page, and comes back
    // into it as it opens again (the toggle of a <dialog> tells, at once).
    dialog.close()
    await until(() => handle.host.parentElement === document.body)
    await until(() => tip() === null)
    dialog.showModal()
    await until(() => handle.host.parentElement === dialog && !!tip()?.matches(':popover-open'))
  })

  test('a target inside a web component in an open modal <dialog> can be used too', async () => {
    const dialog = document.createElement('dialog')
    document.body.append(dialog)
    const widget = el('div', {}, dialog)
    const shadowRoot = widget.attachShadow({ mode: 'open' })
    const target = el('button', {}, shadowRoot as unknown as Element)
    dialog.showModal()
    const { handle, shadow, tip } = showTour(plain, {
      resolveTarget: (step) => (step.id === 'one' ? target : undefined),
    })
    await handle.ready
    expect(tip()?.matches(':popover-open')).toBe(true)
    const next = [...shadow.querySelectorAll('button')].find((b) => b.textContent === 'Next')
    next?.focus()
    expect(shadow.activeElement).toBe(next)
  })
})

describe('the page’s own modals of divs', () => {
  // What MUI's Modal, Radix Dialog or react-focus-lock do: a role=dialog aria-modal=true box (a
  // screen reader reads nothing outside it) whose focus trap brings back focus that leaves it.
  test('a step on a control in one is reached with Tab, and its Next works', async () => {
    const modal = el('div', { position: 'fixed', inset: '100px' })
    Object.assign(modal, { role: 'dialog', ariaModal: 'true', tabIndex: -1 })
    const target = el('input', {}, modal, 't')
    el('button', {}, modal, 'u')
    const trap = (event: FocusEvent) => {
      if (!modal.contains(event.target as Node)) modal.focus()
    }
    document.addEventListener('focusin', trap)
    try {
      target.focus()
      const { handle, shadow } = showTour(plain)
      await handle.ready
      expect(handle.host.closest('[aria-modal=true]')).toBe(modal)
      await userEvent.tab()
      await until(() => shadow.activeElement !== null)
      expect(document.activeElement).toBe(handle.host)
      expect(shadow.activeElement?.textContent).toBe('Skip tour')
      await userEvent.keyboard('{Tab}{Enter}')
      await until(() => shadow.querySelector('h2')?.textContent === 'Export')
    } finally {
      document.removeEventListener('focusin', trap)
      modal.remove()
    }
  })

  // Such a modal closes on an Esc or an Enter that reaches it (MUI's onKeyDown on its root), as
  // a page's shortcuts act on keys that reach the document: the tour's keys are its own.
  test('Esc in the step ends the tour, not the modal it shows from; Enter on Next reaches no page', async () => {
    const modal = el('div', { position: 'fixed', inset: '100px' })
    Object.assign(modal, { role: 'dialog', ariaModal: 'true' })
    el('button', {}, modal, 't')
    el('button', {}, modal, 'u')
    const heard: string[] = []
    const hear = (event: KeyboardEvent) => heard.push(event.key)
    modal.addEventListener('keydown', hear)
    document.addEventListener('keydown', hear)
    try {
      const { handle, shadow, dismissed } = showTour(plain)
      await handle.ready
      const button = (name: string) =>
        [...shadow.querySelectorAll('button')].find((b) => b.textContent === name)
      button('Next')?.focus()
      await userEvent.keyboard('{Enter}')
      await until(() => shadow.querySelector('h2')?.textContent === 'Export')
      button('Skip tour')?.focus()
      await userEvent.keyboard('{Escape}')
      expect(dismissed).toEqual([{ stepId: 'two', index: 1, reason: 'esc' }])
      expect(heard).toEqual([])
    } finally {
      modal.removeEventListener('keydown', hear)
      document.removeEventListener('keydown', hear)
      modal.remove()
    }
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

describe('Esc and the page’s popovers beneath the tooltip', () => {
  const popover = (parent: Element = document.body) => {
    const layer = document.createElement('div')
    layer.popover = 'auto'
    parent.append(layer)
    return layer
  }
  // Popover toggle events come in a task of their own.
  const toggled = () => new Promise((resolve) => setTimeout(resolve, 50))

  test('a step pointing into an open menu popover: Esc ends the tour, the menu stays', async () => {
    const menu = popover()
    const item = el('button', {}, menu, 't')
    menu.showPopover()
    item.focus()
    const { handle, dismissed, tip } = showTour(plain)
    await handle.ready
    expect(tip()?.matches(':popover-open')).toBe(true)
    await userEvent.keyboard('{Escape}')
    expect(dismissed.map((d) => d.reason)).toEqual(['esc'])
    expect(menu.matches(':popover-open')).toBe(true)
  })

  test('a popover elsewhere is beneath the tooltip if it opened before the step showed', async () => {
    el('button', { margin: '40px' }, document.body, 't')
    el('button', { margin: '40px' }, document.body, 'u')
    const note = popover()
    note.textContent = 'Saved'
    note.showPopover()
    const { handle, dismissed, shadow } = showTour(plain)
    await handle.ready
    await toggled()
    // Shown again, it is above the tooltip: Esc closes it and the tour stays.
    note.hidePopover()
    note.showPopover()
    await toggled()
    await userEvent.keyboard('{Escape}')
    expect(note.matches(':popover-open')).toBe(false)
    expect(dismissed).toEqual([])

    // Open when the next step shows: beneath it, so Esc ends the tour and leaves it open.
    note.showPopover()
    handle.next()
    await until(() => shadow.querySelector('h2')?.textContent === 'Export')
    await toggled()
    await userEvent.keyboard('{Escape}')
    expect(dismissed.map((d) => d.reason)).toEqual(['esc'])
    expect(note.matches(':popover-open')).toBe(true)
  })
})
