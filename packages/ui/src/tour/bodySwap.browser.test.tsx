import { afterEach, expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import { until } from './test/layout'
import { closeTours, showTour, tour } from './test/showTour'

afterEach(closeTours)

// Hotwire Turbo Drive, htmx boost, pjax: the page's <body> is replaced under the step, which
// Sonde puts back in the new one (keepInPage). A keyboard or screen reader user was in it.
function swapBody() {
  const body = document.createElement('body')
  const next = Object.assign(document.createElement('button'), { textContent: 'Page button' })
  body.append(next)
  document.body.replaceWith(body)
  return next
}
const steps = tour({
  steps: [
    { id: 'one', title: 'Welcome', body: 'A short tour.' },
    { id: 'two', title: 'Reports', body: 'Find them here.' },
  ],
})

test('a step the keyboard user was in has the focus again once it is back', async () => {
  const { handle, shadow, tip } = showTour(steps)
  await handle.ready
  const next = [...shadow.querySelectorAll('button')].find((b) => b.textContent === 'Next')
  next?.focus()
  expect(shadow.activeElement).toBe(next)

  swapBody()
  await until(() => document.body.contains(handle.host))
  await until(() => !!tip()?.matches(':popover-open'))
  expect(shadow.activeElement?.textContent).toBe('Next')
  await userEvent.keyboard('{Enter}')
  await until(() => !!tip()?.textContent?.includes('Reports'))
})

test('a step the focus was not in leaves it in the new page', async () => {
  const { handle, shadow, tip } = showTour(steps)
  await handle.ready
  swapBody()
  await until(() => !!tip()?.matches(':popover-open'))
  expect(shadow.activeElement).toBeNull()
})

test('a spotlight step is modal again in the new body: the page stays inert', async () => {
  const { handle, shadow, tip } = showTour(
    tour({ steps: [{ id: 'one', title: 'Welcome', body: 'A short tour.', spotlight: true }] }),
  )
  await handle.ready
  const pageButton = swapBody()
  await until(() => !!tip()?.matches(':modal'))
  expect(shadow.activeElement).not.toBeNull()
  pageButton.focus()
  expect(document.activeElement).not.toBe(pageButton)
})

test('a step back in the page is not announced again over the new page', async () => {
  const { handle, shadow, tip } = showTour(steps)
  await handle.ready
  const status = () => shadow.querySelector('[role=status]')
  await until(() => !!status()?.textContent?.includes('Welcome'))

  swapBody()
  await until(() => !!tip()?.matches(':popover-open'))
  // A region that comes empty and is filled a moment later is read out: one that comes with its
  // words already in it is not, as the step was announced when it opened.
  expect(status()?.textContent).toContain('Step 1 of 2')
  expect(status()?.textContent).toContain('Welcome')
})
