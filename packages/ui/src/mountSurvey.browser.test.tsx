import { afterEach, describe, expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import { closeAll, show } from './test/show'
import { nps } from './test/surveys'

afterEach(closeAll)

// The page outside a modal dialog is inert: a prompt shown then could be seen but not used.
function openModal(): HTMLDialogElement {
  const dialog = document.createElement('dialog')
  const button = document.createElement('button')
  button.textContent = 'Export'
  dialog.append(button)
  document.body.append(dialog)
  dialog.showModal()
  button.focus()
  return dialog
}

describe('a modal dialog of the page is open', () => {
  test('a prompt due then waits for it to close, and can then be answered', async () => {
    const dialog = openModal()
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
    expect(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)).toBe(handle.host)
    zero.focus()
    expect(shadow.activeElement).toBe(zero)
    await userEvent.keyboard('{Enter}')
    expect(answered).toHaveLength(1)
  })

  test('closed while it waits, it never shows and reports nothing', async () => {
    openModal()
    const { shadow, dismissed, handle, closed } = show(nps)
    handle.close()
    await handle.ready
    expect(shadow.querySelector('[role=dialog]')).toBeNull()
    expect(dismissed).toEqual([])
    expect(closed()).toBe(1)
  })
})
