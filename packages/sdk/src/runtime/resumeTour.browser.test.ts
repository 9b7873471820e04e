import { afterEach, describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { storeName } from '../delivery/storeName'
import { init } from '../init'
import { leavePage } from '../test/leavePage'
import { endpoint, prompt, recordBatches, waitFor } from '../test/pageNetwork'
import { persistState } from './persistState'
import type { Sonde } from './types'

// Tours that go on across pages and reloads, from the step they were on.
const { batches } = recordBatches()
let sonde: Sonde | undefined

afterEach(() => {
  sonde?.destroy()
})

describe('a tour resumed on the next page', () => {
  it('a click that advances a tour to another page resumes it there, at the next step', async () => {
    const url = endpoint()
    const link = document.createElement('button')
    link.id = 'to-reports'
    link.textContent = 'Reports'
    document.body.append(link)
    const config = {
      tours: [
        {
          id: 'across',
          version: 1,
          locale: 'en',
          steps: [
            { id: 'a', target: '#to-reports', title: 'Open reports', advanceOn: { click: true } },
            { id: 'b', target: '#export', title: 'Export here' },
          ],
        },
      ],
    }
    const state = persistState(`${storeName(url)}-state`)
    const exportButton = document.createElement('button')
    exportButton.id = 'export'
    exportButton.textContent = 'Export'
    try {
      sonde = init({ endpoint: url, config, locale: 'en' })
      const left = new Promise((resolve) => sonde?.on('tour:step', resolve))
      sonde.startTour('across')
      await waitFor(prompt)
      // The link's click leaves the page: step b's target is on the next one.
      await userEvent.click(link)
      await left
      await new Promise((r) => setTimeout(r, 200))
      const stored = await state.load()
      await leavePage(sonde, state, stored)
      link.remove()
      document.body.append(exportButton)

      sonde = init({ endpoint: url, config, locale: 'en' })
      const root = await waitFor(prompt, 2_000)
      expect(root.querySelector('h2')?.textContent).toBe('Export here')
    } finally {
      link.remove()
      exportButton.remove()
    }
  })
  // The host tracks what the step waits for and leaves in the same task
  // (`sonde.track('exported'); location.href = …`): a page answered at once can replace this one
  // before any later task runs, and before IndexedDB has stored the step moved to.
  it('a step that advances on an event tracked as the page is left resumes at the next step', async () => {
    const url = endpoint()
    const config = {
      tours: [
        {
          id: 'tracked',
          version: 1,
          locale: 'en',
          steps: [
            { id: 'a', title: 'Export a report', advanceOn: { event: 'exported' } },
            { id: 'b', title: 'Step b' },
          ],
        },
      ],
    }
    const state = persistState(`${storeName(url)}-state`)
    sonde = init({ endpoint: url, config, locale: 'en' })
    const moved = new Promise((resolve) => sonde?.on('tour:step', resolve))
    sonde.startTour('tracked')
    await waitFor(prompt)
    let stored = await state.load()
    while (stored?.history['tour:tracked']?.step !== 0) {
      await new Promise((r) => setTimeout(r, 25))
      stored = await state.load()
    }
    sonde.track('exported')
    // What the tab holds once the host's task (and its microtasks) ran: the first task after it.
    const tab = await new Promise<string | null>((resolve) =>
      setTimeout(() => resolve(sessionStorage.getItem(storeName(url))), 0),
    )
    await moved
    // A store of its own, as the next page's: put back as the page left it, the step not moved.
    await leavePage(sonde, persistState(`${storeName(url)}-state`), stored)
    if (tab === null) sessionStorage.removeItem(storeName(url))
    else sessionStorage.setItem(storeName(url), tab)
    expect((await state.load())?.history['tour:tracked']?.step).toBe(0)

    sonde = init({ endpoint: url, config, locale: 'en' })
    const root = await waitFor(prompt, 2_000)
    expect(await waitFor(() => root.querySelector('h2')?.textContent)).toBe('Step b')
    await sonde.flush()
    const steps = batches.flatMap((b) => b.events).filter((e) => e.type === 'tour.step')
    expect(steps.map((e) => e.stepId)).toEqual(['a'])
  })
  it('a tour resumed at its first step after a reload is not started a second time', async () => {
    const url = endpoint()
    const target = document.createElement('button')
    target.id = 'first'
    target.textContent = 'New report'
    document.body.append(target)
    const config = {
      tours: [
        {
          id: 'intro',
          version: 1,
          locale: 'en',
          steps: [
            { id: 'a', target: '#first', title: 'First' },
            { id: 'b', title: 'Second' },
          ],
        },
      ],
    }
    const state = persistState(`${storeName(url)}-state`)
    const started: unknown[] = []
    try {
      sonde = init({ endpoint: url, config, locale: 'en' })
      sonde.on('tour:started', (event) => started.push(event))
      sonde.startTour('intro')
      await waitFor(prompt)
      // What the page had stored when it was reloaded, before anyone moved on from step one.
      let stored = await state.load()
      while (stored?.history['tour:intro']?.step !== 0) {
        await new Promise((r) => setTimeout(r, 25))
        stored = await state.load()
      }
      await leavePage(sonde, state, stored)

      sonde = init({ endpoint: url, config, locale: 'en' })
      sonde.on('tour:started', (event) => started.push(event))
      await waitFor(prompt)
      await sonde.flush()
      expect(started).toHaveLength(1)
      expect(
        batches.flatMap((b) => b.events).filter((e) => e.type === 'tour.started'),
      ).toHaveLength(1)
    } finally {
      target.remove()
    }
  })

  // A team that puts a step before the one a visitor is on publishes a new version: the visitor
  // resumed at the stored index, one step back, and saw again the step they had just done.
  it('resumes a tour at the step it was on, by its id, after a new version moved it', async () => {
    const url = endpoint()
    const tour = (version: number, ids: string[]) => ({
      tours: [
        {
          id: 'moved',
          version,
          locale: 'en',
          steps: ids.map((id) => ({ id, title: `Step ${id}` })),
        },
      ],
    })
    const state = persistState(`${storeName(url)}-state`)
    sonde = init({ endpoint: url, config: tour(1, ['a', 'b', 'c']), locale: 'en' })
    sonde.startTour('moved')
    const first = await waitFor(prompt)
    const next = await waitFor(() =>
      [...first.querySelectorAll('button')].find((b) => b.textContent === 'Next'),
    )
    await userEvent.click(next)
    let stored = await state.load()
    while (stored?.history['tour:moved']?.step !== 1) {
      await new Promise((r) => setTimeout(r, 25))
      stored = await state.load()
    }
    await leavePage(sonde, state, stored)

    sonde = init({ endpoint: url, config: tour(2, ['intro', 'a', 'b', 'c']), locale: 'en' })
    const root = await waitFor(prompt, 2_000)
    expect(await waitFor(() => root.querySelector('h2')?.textContent)).toBe('Step b')
    // A step the new version no longer has: the tour goes on at the place it had.
    await leavePage(sonde, state, stored)
    sonde = init({ endpoint: url, config: tour(3, ['a', 'c']), locale: 'en' })
    const later = await waitFor(prompt, 2_000)
    expect(await waitFor(() => later.querySelector('h2')?.textContent)).toBe('Step c')
  })
})

// destroy() takes Sonde out of the page (an SPA's unmount, a re-init): it records and sends
// nothing from then on, so telling listeners the tour was dismissed would be a dismissal that
// never happened; the tour goes on at its step after the next init().
describe('a tour taken away by destroy()', () => {
  it('is not reported dismissed, and resumes at its step after the next init()', async () => {
    const url = endpoint()
    const config = {
      tours: [
        {
          id: 'kept',
          version: 1,
          locale: 'en',
          steps: ['a', 'b', 'c'].map((id) => ({ id, title: `Step ${id}` })),
        },
      ],
    }
    const state = persistState(`${storeName(url)}-state`)
    sonde = init({ endpoint: url, config, locale: 'en' })
    const dismissed: unknown[] = []
    sonde.on('tour:dismissed', (event) => dismissed.push(event))
    sonde.startTour('kept')
    const first = await waitFor(prompt)
    const next = await waitFor(() =>
      [...first.querySelectorAll('button')].find((b) => b.textContent === 'Next'),
    )
    await userEvent.click(next)
    while ((await state.load())?.history['tour:kept']?.step !== 1) {
      await new Promise((r) => setTimeout(r, 25))
    }
    sonde.destroy()
    expect(prompt()).toBeNull()
    expect(dismissed).toEqual([])
    await new Promise((r) => setTimeout(r, 100))
    expect((await state.load())?.history['tour:kept']).toMatchObject({ step: 1, stepId: 'b' })

    sonde = init({ endpoint: url, config, locale: 'en' })
    const root = await waitFor(prompt, 2_000)
    expect(await waitFor(() => root.querySelector('h2')?.textContent)).toBe('Step b')
  })
})
