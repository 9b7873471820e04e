import { afterEach, describe, expect, it, vi } from 'vitest'
import { storeName } from '../delivery/storeName'
import { init } from '../init'
import { startSonde } from '../start'
import { hideTab } from '../test/hideTab'
import { leavePage } from '../test/leavePage'
import { slowChunk } from '../test/slowChunk'
import { persistState } from './persistState'
import type { Sonde } from './types'

// A tour put on screen in a tab the visitor has left (its code or its first step's target came
// after they switched tabs) is seen by nobody: it counts as started once the tab is seen, as a
// survey counts as shown then (createPrompter.browser.test.ts).
const made: Sonde[] = []
afterEach(() => {
  vi.restoreAllMocks()
  for (const sonde of made.splice(0)) sonde.destroy()
  for (const el of document.querySelectorAll('sonde-root, #hidden-tour-target')) el.remove()
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const endpoint = () => `https://collect.test/${crypto.randomUUID()}/v1/batch`
const step = () =>
  [...document.querySelectorAll('sonde-root')].some((el) =>
    el.shadowRoot?.querySelector('[role=dialog]'),
  )
const tour = (id: string, more: object = {}) => ({
  id,
  version: 1,
  locale: 'en',
  steps: [
    { id: 'one', title: 'Step one' },
    { id: 'two', title: 'Step two' },
  ],
  ...more,
})
const listen = (sonde: Sonde) => {
  const events = { started: vi.fn(), dismissed: vi.fn() }
  sonde.on('tour:started', events.started)
  sonde.on('tour:dismissed', events.dismissed)
  return events
}

describe('a tour in a tab in the background', () => {
  it('started by startTour, its code arriving while the tab is hidden, starts once the tab is seen', async () => {
    const { chunks, requested, release } = slowChunk('tour')
    const sonde = await startSonde(
      { endpoint: endpoint(), locale: 'en', config: { tours: [tour('late')] } },
      chunks,
    )
    made.push(sonde)
    const { started } = listen(sonde)
    sonde.startTour('late')
    await vi.waitFor(() => expect(requested).toHaveBeenCalled(), { timeout: 5_000 })

    hideTab(true)
    release()
    await vi.waitFor(() => expect(step()).toBe(true), { timeout: 5_000 })
    await sleep(500)
    expect(started).not.toHaveBeenCalled()

    hideTab(false)
    await vi.waitFor(() => expect(started).toHaveBeenCalledTimes(1), { timeout: 5_000 })
    expect(step()).toBe(true)
  })

  it('started by its page rule, its first target appearing while the tab is hidden, starts once the tab is seen', async () => {
    const welcome = tour('welcome', {
      trigger: { page: { prefix: '/' } },
      missingTarget: { policy: 'wait', timeoutMs: 20_000 },
      steps: [{ id: 'new', target: '#hidden-tour-target', title: 'Create a report' }],
    })
    const sonde = init({ endpoint: endpoint(), locale: 'en', config: { tours: [welcome] } })
    made.push(sonde)
    const { started } = listen(sonde)
    // In the page, waiting for its target, when the visitor switches tabs.
    await vi.waitFor(() => expect(document.querySelector('sonde-root')).not.toBeNull(), {
      timeout: 5_000,
    })
    hideTab(true)
    const target = document.createElement('button')
    target.id = 'hidden-tour-target'
    target.textContent = 'New report'
    document.body.append(target)
    await vi.waitFor(() => expect(step()).toBe(true), { timeout: 5_000 })
    await sleep(500)
    expect(started).not.toHaveBeenCalled()

    hideTab(false)
    await vi.waitFor(() => expect(started).toHaveBeenCalledTimes(1), { timeout: 5_000 })
  })

  // Back in the tab, the visitor acts on the step before the wait has seen the tab (it looks on
  // a timer): the step they acted on was seen.
  it('seen and acted on at once, reports its start and the step acted on', async () => {
    const { chunks, requested, release } = slowChunk('tour')
    const sonde = await startSonde(
      { endpoint: endpoint(), locale: 'en', config: { tours: [tour('quick')] } },
      chunks,
    )
    made.push(sonde)
    const { started } = listen(sonde)
    const passed = vi.fn()
    sonde.on('tour:step', ({ stepId }) => passed(stepId))
    sonde.startTour('quick')
    await vi.waitFor(() => expect(requested).toHaveBeenCalled(), { timeout: 5_000 })
    hideTab(true)
    release()
    await vi.waitFor(() => expect(step()).toBe(true), { timeout: 5_000 })

    hideTab(false)
    const next = [...document.querySelectorAll('sonde-root')]
      .flatMap((el) => [...(el.shadowRoot?.querySelectorAll('button') ?? [])])
      .find((button) => button.textContent === 'Next')
    next?.click()
    expect({ started: started.mock.calls.length, passed: passed.mock.calls }).toEqual({
      started: 1,
      passed: [['one']],
    })
  })

  it('reports neither started nor dismissed when destroyed while it waits for the tab to be seen', async () => {
    const { chunks, requested, release } = slowChunk('tour')
    const sonde = await startSonde(
      { endpoint: endpoint(), locale: 'en', config: { tours: [tour('gone')] } },
      chunks,
    )
    const { started, dismissed } = listen(sonde)
    sonde.startTour('gone')
    await vi.waitFor(() => expect(requested).toHaveBeenCalled(), { timeout: 5_000 })
    hideTab(true)
    release()
    await vi.waitFor(() => expect(step()).toBe(true), { timeout: 5_000 })
    sonde.destroy()
    expect(step()).toBe(false)
    hideTab(false)
    await sleep(1_200)
    expect({ started: started.mock.calls.length, dismissed: dismissed.mock.calls.length }).toEqual({
      started: 0,
      dismissed: 0,
    })
  })

  // Seen once, a tour reports each step as before while the visitor is in another tab (an event
  // of the app, tracked there, advances it) and after they come back.
  it('seen, then left for another tab, reports its steps as they come', async () => {
    const onEvent = (id: string) => ({ id, title: id, advanceOn: { event: 'go' } })
    const steps = [onEvent('one'), onEvent('two'), onEvent('three')]
    const sonde = init({
      endpoint: endpoint(),
      locale: 'en',
      config: { tours: [tour('seen', { steps })] },
    } as Parameters<typeof init>[0])
    made.push(sonde)
    const { started } = listen(sonde)
    const passed = vi.fn()
    sonde.on('tour:step', ({ stepId }) => passed(stepId))
    await vi.waitFor(() => expect(sonde.canShow('seen', 'tour')).toEqual({ ok: true }))
    sonde.startTour('seen')
    await vi.waitFor(() => expect(started).toHaveBeenCalledTimes(1), { timeout: 5_000 })

    hideTab(true)
    sonde.track('go')
    await vi.waitFor(() => expect(passed.mock.calls).toEqual([['one']]))
    hideTab(false)
    sonde.track('go')
    await vi.waitFor(() => expect(passed.mock.calls).toEqual([['one'], ['two']]))
  })

  // A reload or a link opened in a background tab: the tour left mid-way resumes once seen.
  it('resumed on a page loaded in a hidden tab, comes once the tab is seen', async () => {
    const url = endpoint()
    const options = { endpoint: url, locale: 'en', config: { tours: [tour('resumed')] } }
    const state = persistState(`${storeName(url)}-state`)
    const first = init(options)
    const { started } = listen(first)
    first.startTour('resumed')
    await vi.waitFor(() => expect(started).toHaveBeenCalledTimes(1), { timeout: 5_000 })
    await sleep(200)
    // The page goes as it is, its tour on its first step (destroy would end the tour).
    const stored = await state.load()
    await leavePage(first, state, stored)

    hideTab(true)
    const next = init(options)
    made.push(next)
    const again = listen(next)
    await sleep(1_500)
    expect(step()).toBe(false)
    hideTab(false)
    await vi.waitFor(() => expect(step()).toBe(true), { timeout: 5_000 })
    expect(again.started).not.toHaveBeenCalled()
  })
})
