import { afterEach, expect, test, vi } from 'vitest'
import { hideTab } from '../test/hideTab'
import { closeAll, show } from '../test/show'
import { nps } from '../test/surveys'

afterEach(() => {
  vi.restoreAllMocks()
  closeAll()
})

const sleep = (ms: number) => new Promise((go) => setTimeout(go, ms))

// The SDK puts a prompt in a hidden tab's page when its code came after the visitor left (a slow
// network) and waits for them to come back. A screen reader reads the tab in view only: a region
// filled meanwhile says nothing, and the prompt would be there unannounced on their return.
test('a corner prompt put in a hidden tab is announced once the tab is seen, not before', async () => {
  hideTab(true)
  const { shadow, handle } = show(nps)
  await handle.ready
  await sleep(400)
  const region = shadow.querySelector('[role=status]') as HTMLElement
  expect(region.textContent).toBe('')

  hideTab(false)
  await vi.waitFor(() => expect(region.textContent).toContain('How likely are you to recommend'))
})

test('a corner prompt opened in view is announced at once', async () => {
  const { shadow, handle } = show(nps)
  await handle.ready
  const region = shadow.querySelector('[role=status]') as HTMLElement
  await vi.waitFor(() => expect(region.textContent).toContain('How likely are you to recommend'))
})
