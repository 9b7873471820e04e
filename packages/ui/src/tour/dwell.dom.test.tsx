import { fireEvent } from '@testing-library/preact'
import { afterEach, expect, test, vi } from 'vitest'
import { hideTab } from '../test/hideTab'
import { closeTours, showTour, tour } from './test/showTour'

afterEach(() => {
  closeTours()
  vi.restoreAllMocks()
})

const two = tour({
  steps: [
    { id: 'hello', title: 'Hello' },
    { id: 'bye', title: 'All set' },
  ],
})

// tour.step's dwellMs is the time spent on the step: an hour in another tab is none of it.
test("a step's dwell leaves out the time the tab was hidden", async () => {
  let now = 1_000
  vi.spyOn(performance, 'now').mockImplementation(() => now)
  const { ui, handle, stepped } = showTour(two)
  await handle.ready
  now += 300
  hideTab(true)
  now += 3_600_000
  hideTab(false)
  now += 200
  fireEvent.click(ui.getByRole('button', { name: 'Next' }))
  expect(stepped.map(({ stepId, dwellMs }) => ({ stepId, dwellMs }))).toEqual([
    { stepId: 'hello', dwellMs: 500 },
  ])
})

// Its first step put on screen while the tab is hidden (its code came after the visitor left):
// its dwell begins when the tab is seen.
test('a step shown in a hidden tab counts its dwell from when the tab is seen', async () => {
  let now = 1_000
  vi.spyOn(performance, 'now').mockImplementation(() => now)
  hideTab(true)
  const { ui, handle, completed } = showTour(two, { startAt: 1 })
  await handle.ready
  now += 60_000
  hideTab(false)
  now += 400
  fireEvent.click(ui.getByRole('button', { name: 'Done' }))
  expect(completed).toEqual([{ dwellMs: 400 }])
})
