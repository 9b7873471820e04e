import { afterEach, describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { storeName } from '../delivery/storeName'
import { init } from '../init'
import { endpoint, prompt, recordBatches, waitFor } from '../test/pageNetwork'
import { persistState } from './persistState'
import type { Sonde } from './types'

// A tour ended (completed, dismissed) just before the page was replaced: the end is stored in
// IndexedDB, a write the page replaced at once can drop, as it dropped a step's (c1e5f10). The
// next page must not resume the tour the visitor ended.
const { batches } = recordBatches()
let sonde: Sonde | undefined

afterEach(() => {
  sonde?.destroy()
})

type Stored = Awaited<ReturnType<ReturnType<typeof persistState>['load']>>

/** Waits until the store holds the tour `id` at `step`, and gives what it holds then. */
async function storedAt(url: string, id: string, step: number): Promise<Stored> {
  const state = persistState(`${storeName(url)}-state`)
  for (;;) {
    const stored = await state.load()
    if (stored?.history[`tour:${id}`]?.step === step) return stored
    await new Promise((r) => setTimeout(r, 25))
  }
}

/**
 * What the next page finds when this one was replaced before the end was stored: `sonde` gone
 * and the store put back as `stored` had it (emptied first: a save merges with what is stored,
 * where the end now ends the step).
 */
async function endLost(sonde: Sonde, url: string, id: string, stored: Stored) {
  sonde.destroy()
  await new Promise((r) => setTimeout(r, 100))
  const state = persistState(`${storeName(url)}-state`)
  state.save(null)
  await new Promise((r) => setTimeout(r, 100))
  state.save(stored)
  await new Promise((r) => setTimeout(r, 100))
  expect((await state.load())?.history[`tour:${id}`]?.step).toBe(
    stored!.history[`tour:${id}`]!.step,
  )
}

const button = (root: ShadowRoot, name: string) =>
  waitFor(() => [...root.querySelectorAll('button')].find((b) => b.textContent === name))

// The last step's target is a link: its click completes the tour, and the page it opens may
// replace this one before the completion is stored.
describe('a tour completed by a click on a link', () => {
  it('is not resumed at its last step when the completion was not stored', async () => {
    const url = endpoint()
    const leave = document.createElement('button')
    leave.id = 'leave'
    leave.textContent = 'Leave'
    document.body.append(leave)
    const config = {
      tours: [
        {
          id: 'last',
          version: 1,
          locale: 'en',
          steps: [
            { id: 'a', title: 'Step a' },
            { id: 'b', target: '#leave', title: 'Step b', advanceOn: { click: true } },
          ],
        },
      ],
    }
    const state = persistState(`${storeName(url)}-state`)
    try {
      sonde = init({ endpoint: url, config, locale: 'en' })
      const completed = new Promise((resolve) => sonde?.on('tour:completed', resolve))
      sonde.startTour('last')
      await userEvent.click(await button(await waitFor(prompt), 'Next'))
      const stored = await storedAt(url, 'last', 1)
      await userEvent.click(leave)
      await completed
      await endLost(sonde, url, 'last', stored)

      sonde = init({ endpoint: url, config, locale: 'en' })
      await new Promise((r) => setTimeout(r, 1_000))
      expect(prompt()).toBeNull()
      const record = (await state.load())?.history['tour:last']
      expect({ step: record?.step, completed: typeof record?.completedAt }).toEqual({
        step: undefined,
        completed: 'number',
      })
    } finally {
      leave.remove()
    }
  })
})

// Skip tour (or Esc) and then a link at once, or a step ended as its page is left: the dismissal
// was sent, but stored in IndexedDB only, and the next page resumed the tour at the step the
// visitor had skipped.
describe('a tour dismissed just before the page is replaced', () => {
  it('is not resumed on the next page when the dismissal was not stored', async () => {
    const url = endpoint()
    const config = {
      tours: [
        {
          id: 'skipped',
          version: 1,
          locale: 'en',
          steps: ['a', 'b', 'c'].map((id) => ({ id, title: `Step ${id}` })),
        },
      ],
    }
    const state = persistState(`${storeName(url)}-state`)
    sonde = init({ endpoint: url, config, locale: 'en' })
    const dismissed = new Promise((resolve) => sonde?.on('tour:dismissed', resolve))
    sonde.startTour('skipped')
    await userEvent.click(await button(await waitFor(prompt), 'Next'))
    const stored = await storedAt(url, 'skipped', 1)
    await userEvent.click(await button(prompt()!, 'Skip tour'))
    await dismissed
    await sonde.flush()
    await endLost(sonde, url, 'skipped', stored)

    sonde = init({ endpoint: url, config, locale: 'en' })
    await new Promise((r) => setTimeout(r, 1_000))
    expect(prompt()).toBeNull()
    const record = (await state.load())?.history['tour:skipped']
    expect({ step: record?.step, dismissed: typeof record?.lastDismissedAt }).toEqual({
      step: undefined,
      dismissed: 'number',
    })
    // Sent once, on the Skip: the next page reports nothing of it.
    await sonde.flush()
    const ends = batches.flatMap((b) => b.events).filter((e) => e.type.startsWith('tour.'))
    expect(ends.map((e) => e.type)).toEqual(['tour.started', 'tour.step', 'tour.dismissed'])
  })
})

// What a run of the tour left in the tab (its end, kept for the next page) is not another run's:
// the tour started again in another tab and brought to the step this tab's run ended at goes on
// there when this tab loads a page.
describe("a tour's end kept in the tab", () => {
  it('does not end a later run of the tour at the same step', async () => {
    const url = endpoint()
    const config = {
      tours: [
        {
          id: 'again',
          version: 1,
          locale: 'en',
          steps: ['a', 'b', 'c'].map((id) => ({ id, title: `Step ${id}` })),
        },
      ],
    }
    sonde = init({ endpoint: url, config, locale: 'en' })
    const dismissed = new Promise((resolve) => sonde?.on('tour:dismissed', resolve))
    sonde.startTour('again')
    await userEvent.click(await button(await waitFor(prompt), 'Next'))
    const stored = await storedAt(url, 'again', 1)
    await userEvent.click(await button(prompt()!, 'Skip tour'))
    await dismissed
    sonde.destroy()
    await new Promise((r) => setTimeout(r, 100))
    // Another tab started it again later and is at step b: stored by a store of its own.
    const later = { ...stored!.history['tour:again']!, shown: 2, lastShownAt: Date.now() }
    const state = persistState(`${storeName(url)}-state`)
    state.save({ ...stored!, history: { ...stored!.history, 'tour:again': later } })
    await new Promise((r) => setTimeout(r, 100))
    expect((await state.load())?.history['tour:again']?.step).toBe(1)

    sonde = init({ endpoint: url, config, locale: 'en' })
    const root = await waitFor(prompt, 2_000)
    expect(await waitFor(() => root.querySelector('h2')?.textContent)).toBe('Step b')
  })
})
