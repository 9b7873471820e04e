import { afterEach, beforeEach, expect, test } from 'vitest'
import { page } from 'vitest/browser'
import { el, until } from './test/layout'
import { closeTours, showTour, tour } from './test/showTour'

beforeEach(() => page.viewport(1024, 768))
afterEach(() => {
  closeTours()
  document.body.replaceChildren()
})

const steps = tour({
  steps: [
    { id: 'a', target: '#t', title: 'Advanced options' },
    { id: 'b', title: 'Done' },
  ],
})

// A closed <details> (a disclosure, an FAQ, a settings section folded away) still gives its
// content a box in Chromium, drawn nowhere: a step must not point at it.
test('a target inside a closed <details> is waited for, shown once it opens, paused as it closes', async () => {
  const details = el('details') as HTMLDetailsElement
  el('summary', {}, details).textContent = 'More'
  el('button', {}, details, 't')
  const { handle, tip, shown } = showTour(steps)
  await new Promise((resolve) => setTimeout(resolve, 300))
  expect(tip()).toBeNull()
  expect(shown).toEqual([])
  details.open = true
  await handle.ready
  expect(shown).toEqual([{ stepId: 'a', index: 0 }])
  details.open = false
  await until(() => tip() === null)
  details.open = true
  await until(() => tip() !== null)
})

test('of two copies, the one in an open <details> is the target, not the folded one', async () => {
  const folded = el('details')
  el('button', {}, folded).id = 't'
  const open = el('details') as HTMLDetailsElement
  open.open = true
  const target = el('button', {}, open)
  target.id = 't'
  const { handle, tip } = showTour(steps)
  await handle.ready
  await until(
    () =>
      Math.abs(
        (tip()?.getBoundingClientRect().top ?? 0) - target.getBoundingClientRect().bottom - 12,
      ) <= 1.5,
  )
})
