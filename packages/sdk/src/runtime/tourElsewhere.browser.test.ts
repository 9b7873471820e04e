import { afterEach, describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import acme from '../../../../test/fixtures/acme.config.json'
import { storeName } from '../delivery/storeName'
import { init } from '../init'
import { leavePage } from '../test/leavePage'
import { endpoint, prompt, waitFor } from '../test/pageNetwork'
import { persistState } from './persistState'
import type { Sonde } from './types'

// A tour whose step lives on another page of the site (learnt where it showed, in the tab's
// sessionStorage) waits there, unended: it must leave the screen to what is due on this page,
// and go on once an SPA's route change brings the visitor back where its step lives.
const here = location.href
let sonde: Sonde | undefined
afterEach(() => {
  sonde?.destroy()
  sessionStorage.clear()
  history.replaceState(null, '', here)
})

const csat = acme.surveys.find((s) => s.id === 'csat-ticket') as (typeof acme.surveys)[number]
const steps = ['a', 'b', 'c'].map((id) => ({ id, title: `Step ${id}` }))

/** Init options whose tour is stored at step b, which showed on /reports in this tab. */
const atStepB = async (surveys: object[], trigger?: object) => {
  const url = endpoint()
  const config = { tours: [{ id: 'away', version: 1, locale: 'en', steps, trigger }], surveys }
  const state = persistState(`${storeName(url)}-state`)
  sonde = init({ endpoint: url, config: { tours: config.tours }, locale: 'en' })
  sonde.startTour('away')
  const first = await waitFor(prompt)
  const next = await waitFor(() =>
    [...first.querySelectorAll('button')].find((b) => b.textContent === 'Next'),
  )
  await userEvent.click(next)
  while ((await state.load())?.history['tour:away']?.step !== 1) {
    await new Promise((r) => setTimeout(r, 25))
  }
  const stored = await state.load()
  await leavePage(sonde, state, stored)
  sessionStorage.clear()
  sessionStorage.setItem(storeName(url), JSON.stringify({ 'p away': [['b', '/reports']] }))
  return { endpoint: url, config, locale: 'en' } as Parameters<typeof init>[0]
}

const survey = (prefix: string) => ({
  ...csat,
  id: `here-${crypto.randomUUID()}`,
  trigger: { page: { prefix } },
})

describe('a tour waiting for the page its step is on', () => {
  it('leaves a page load to the survey due on it', async () => {
    history.replaceState(null, '', '/pricing')
    const options = await atStepB([survey('/pricing')])
    sonde = init(options)
    const shown = vi.fn()
    sonde.on('survey:shown', shown)
    await vi.waitFor(() => expect(shown).toHaveBeenCalled(), { timeout: 3_000 })
  })

  it('goes on after a route change to that page, and leaves other routes to their surveys', async () => {
    history.replaceState(null, '', '/pricing')
    const options = await atStepB([survey('/settings')])
    sonde = init(options)
    const shown = vi.fn()
    sonde.on('survey:shown', shown)
    await new Promise((r) => setTimeout(r, 500))
    expect(prompt()).toBeNull()
    history.pushState(null, '', '/settings')
    await vi.waitFor(() => expect(shown).toHaveBeenCalled(), { timeout: 3_000 })
    sonde.destroy()

    history.replaceState(null, '', '/pricing')
    sonde = init(options)
    await new Promise((r) => setTimeout(r, 500))
    expect(prompt()).toBeNull()
    history.pushState(null, '', '/reports')
    const root = await waitFor(prompt, 3_000)
    expect(await waitFor(() => root.querySelector('h2')?.textContent)).toBe('Step b')
  })

  // Its page rule holds on this page too: the page view must not start it again from step a.
  it('is not started again by its page rule meanwhile', async () => {
    history.replaceState(null, '', '/pricing')
    const options = await atStepB([], { page: { prefix: '/' } })
    sonde = init(options)
    await new Promise((r) => setTimeout(r, 1_000))
    expect(prompt()).toBeNull()
    history.pushState(null, '', '/settings')
    await new Promise((r) => setTimeout(r, 1_000))
    expect(prompt()).toBeNull()
  })

  // While it waited here, the tour went on and ended where its step is: in another tab, or in a
  // later page of this one, which Back shows again from the back/forward cache with its memory
  // of the tour as it was (tour-bfcache.e2e.ts). The page view going on with it must go by what
  // is stored now, not resume a step done in a tour ended.
  it.each([
    ['completed', () => ({ completedAt: Date.now() }), null],
    ['moved on', () => ({ step: 2, stepId: 'c' }), 'Step c'],
  ])('goes by what is stored since, once it was %s elsewhere', async (_, since, shown) => {
    history.replaceState(null, '', '/pricing')
    const options = await atStepB([])
    sonde = init(options)
    await new Promise((r) => setTimeout(r, 500))
    expect(prompt()).toBeNull()
    // Stored by the other page meanwhile (a store of its own, as another page's is).
    const other = persistState(`${storeName(options.endpoint)}-state`)
    const stored = (await other.load())!
    const { step: _s, stepId: _i, ...record } = stored.history['tour:away']!
    other.save({ ...stored, history: { 'tour:away': { ...record, ...since() } } })
    await new Promise((r) => setTimeout(r, 100))
    history.pushState(null, '', '/reports')
    await new Promise((r) => setTimeout(r, 1_000))
    expect(prompt()?.querySelector('h2')?.textContent ?? null).toBe(shown)
  })
})

describe('what a tour keeps in the tab', () => {
  const started = async () => {
    const url = endpoint()
    const tours = [{ id: 'kept', version: 1, locale: 'en', steps }]
    sonde = init({ endpoint: url, config: { tours }, locale: 'en' })
    sonde.startTour('kept')
    await waitFor(() => (sessionStorage.getItem(storeName(url)) ? true : null), 3_000)
    return url
  }

  it('is gone with optOut(): nothing of the visitor stays stored', async () => {
    const url = await started()
    expect(JSON.parse(sessionStorage.getItem(storeName(url))!)).toEqual({
      'p kept': [['a', location.pathname]],
    })
    sonde!.optOut()
    expect(sessionStorage.getItem(storeName(url))).toBeNull()
  })

  it('owes nothing to an earlier run when the tour starts afresh', async () => {
    const url = endpoint()
    // Left by an earlier visitor of this tab (before a reset()): step b on another page.
    sessionStorage.setItem(storeName(url), JSON.stringify({ 'p kept': [['b', '/elsewhere']] }))
    const tours = [{ id: 'kept', version: 1, locale: 'en', steps }]
    sonde = init({ endpoint: url, config: { tours }, locale: 'en' })
    sonde.startTour('kept')
    await waitFor(prompt)
    await vi.waitFor(() =>
      expect(JSON.parse(sessionStorage.getItem(storeName(url))!)).toEqual({
        'p kept': [['a', location.pathname]],
      }),
    )
  })
})
