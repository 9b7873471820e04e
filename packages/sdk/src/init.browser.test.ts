import type { Survey } from '@sonde/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import acme from '../../../test/fixtures/acme.config.json'
import { storeName } from './delivery/storeName'
import { init } from './init'
import type { Chunks } from './runtime/chunks'
import type { Sonde } from './runtime/types'
import { startSonde } from './start'
import { endpoint, prompt, recordBatches, waitFor } from './test/pageNetwork'

// The page's network: every batch Sonde posts is recorded (with where it went) and acked.
const { batches, sentTo } = recordBatches()
let sonde: Sonde | undefined

afterEach(() => {
  vi.restoreAllMocks()
  sonde?.destroy()
})

describe('init in Chromium', () => {
  it('shows CSAT after its event, and sends the answer with metric and context', async () => {
    sonde = init({
      endpoint: endpoint(),
      key: 'pk_test',
      config: { surveys: [acme.surveys[1]] },
      user: { id: 'u_42', traits: { plan: 'pro' } },
      locale: 'en',
      appVersion: '2.3.1',
    })
    const completed = vi.fn()
    sonde.on('survey:completed', completed)
    sonde.track('ticket_closed')
    const root = await waitFor(prompt)
    const four = await waitFor(() =>
      [...root.querySelectorAll('[role=radio]')].find(
        (el) => el.getAttribute('aria-label')?.startsWith('4') || el.textContent?.startsWith('4'),
      ),
    )
    await userEvent.click(four as HTMLElement)
    await waitFor(() => completed.mock.calls.length > 0)
    await sonde.flush()
    const events = batches.flatMap((b) => b.events)
    const done = events.find((e) => e.type === 'survey.completed')
    expect(done).toMatchObject({
      surveyId: 'csat-ticket',
      answers: [{ questionId: 'csat', value: 4 }],
      metric: { kind: 'csat', score: 4, scale: 5, satisfied: true },
      context: {
        locale: 'en',
        user: { id: 'u_42', known: true, traits: { plan: 'pro' } },
        app: { version: '2.3.1' },
        page: { path: location.pathname },
      },
    })
    expect(done?.context?.page?.url).toBe(location.origin + location.pathname)
    expect(batches[0]?.key).toBe('pk_test')
    expect(events.map((e) => e.type)).toContain('survey.shown')
  })

  it("gives the previous route as the referrer once the app has routed itself, as the document's first", async () => {
    const first = location.href
    const csat = acme.surveys[1] as Survey
    const again = { ...csat, id: 'csat-again', trigger: { event: 'again' } }
    sonde = init({ endpoint: endpoint(), locale: 'en', config: { surveys: [csat, again] } })
    const completed = vi.fn()
    sonde.on('survey:completed', completed)
    const answer = async (event: string) => {
      const before = completed.mock.calls.length
      sonde?.track(event)
      const root = await waitFor(prompt)
      const radio = await waitFor(() => root.querySelector('[role=radio]'))
      await userEvent.click(radio as HTMLElement)
      await waitFor(() => completed.mock.calls.length > before)
      await sonde?.flush()
      const done = batches.flatMap((b) => b.events).filter((e) => e.type === 'survey.completed')
      return done.at(-1)?.context?.page?.referrer
    }
    try {
      expect(await answer('ticket_closed')).toBe(document.referrer.split('?')[0])
      history.pushState(null, '', '/reports?tab=2#top')
      history.pushState(null, '', '/reports/42')
      await waitFor(() => !prompt())
      expect(await answer('again')).toBe(`${location.origin}/reports`)
    } finally {
      history.replaceState(null, '', first)
    }
  })

  it('keeps a delayed prompt due across a jump to an in-page anchor, and drops it on a hash route', async () => {
    const first = location.href
    const csat = acme.surveys[1] as Survey
    const delayed = { ...csat, trigger: { event: 'ticket_closed', delaySeconds: 0.3 } }
    // Each Sonde running (its options checked) before the page moves, so it sees the move.
    const start = async () => {
      const running = init({ endpoint: endpoint(), locale: 'en', config: { surveys: [delayed] } })
      sonde = running
      await vi.waitFor(() => expect(running.canShow(delayed.id)).toEqual({ ok: true }))
      running.track('ticket_closed')
      return running
    }
    try {
      const docs = await start()
      // A table of contents on a docs page: the same page, so the prompt still comes.
      location.hash = '#pricing'
      await waitFor(prompt)
      docs.destroy()
      await waitFor(() => !prompt())
      await start()
      location.hash = '#/reports'
      await new Promise((r) => setTimeout(r, 600))
      expect(prompt()).toBeFalsy()
    } finally {
      history.replaceState(null, '', first)
    }
  })

  it('logs one [sonde] error naming every bad field and returns an inert instance', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    sonde = init({ endpoint: '', consent: 'maybe' } as never)
    // Options never seen valid are checked by the validator chunk, loaded on demand.
    await vi.waitFor(() => expect(error).toHaveBeenCalled())
    await new Promise((r) => setTimeout(r, 50))
    expect(error).toHaveBeenCalledTimes(1)
    const message = String(error.mock.calls[0]?.[0])
    expect(message).toMatch(/^\[sonde\]/)
    expect(message).toContain('endpoint')
    expect(message).toContain('consent')
    expect(() => sonde?.track('x')).not.toThrow()
    expect(await sonde.flush()).toEqual({ sent: 0, pending: 0 })
    error.mockRestore()
  })

  it('skips an invalid survey with its reason and still runs the valid one', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const bad = {
      ...acme.surveys[2],
      questions: [{ id: 'q', type: 'rating', scale: 4, text: 't' }],
    }
    sonde = init({ endpoint: endpoint(), config: { surveys: [bad, acme.surveys[1]] } })
    await vi.waitFor(() => expect(error).toHaveBeenCalled())
    await new Promise((r) => setTimeout(r, 50))
    expect(error).toHaveBeenCalledTimes(1)
    expect(String(error.mock.calls[0]?.[0])).toContain('surveys[0].questions[0].scale')
    error.mockRestore()
    sonde.track('ticket_closed')
    await waitFor(prompt)
    expect(sonde.canShow('ces-export')).toMatchObject({ ok: false, reason: 'unknown' })
  })

  it('sends nothing and stores nothing when consent is denied', async () => {
    const url = endpoint()
    sonde = init({ endpoint: url, consent: 'denied', config: { surveys: [acme.surveys[1]] } })
    sonde.track('ticket_closed')
    await new Promise((r) => setTimeout(r, 300))
    expect(await sonde.flush()).toEqual({ sent: 0, pending: 0 })
    // Earlier tests' instances may still be finishing a send; none may go to this endpoint.
    expect(sentTo.filter((to) => to === url)).toEqual([])
    const ns = storeName(url)
    const names = (await indexedDB.databases()).map((db) => db.name ?? '')
    expect(names.filter((name) => name.startsWith(ns))).toEqual([])
  })

  // The chunks of the npm build, each load counted.
  const counted = () => {
    const chunks = {
      survey: vi.fn(() => import('./chunks/survey')),
      tour: vi.fn(() => import('./chunks/tour')),
      validator: vi.fn(() => import('./validate/index')),
      delivery: vi.fn(() => import('./chunks/delivery')),
    }
    return chunks as typeof chunks & Chunks
  }

  it('checks options once per site: later pages start without the validator', async () => {
    const url = endpoint()
    const options = (at: number) => ({
      endpoint: url,
      config: { surveys: [acme.surveys[1]] },
      user: { id: 'u_1', traits: { lastSeen: at } },
    })
    const first = counted()
    const checking = startSonde(options(1), first)
    // New options: the Sonde comes once the validator chunk has checked them.
    expect(checking).toBeInstanceOf(Promise)
    sonde = await checking
    await vi.waitFor(() => expect(sonde?.canShow('csat-ticket').ok).toBe(true))
    expect(first.validator).toHaveBeenCalledTimes(1)
    sonde.destroy()

    // The next page: same options but for traits that change every time.
    const next = counted()
    const started = startSonde(options(2), next)
    expect(started).not.toBeInstanceOf(Promise)
    sonde = started as Sonde
    let queued = 0
    sonde.on('delivery:queued', () => queued++)
    sonde.track('ticket_closed')
    await waitFor(prompt)
    expect(next.validator).not.toHaveBeenCalled()
    // The survey chunk brings the outbox its events go to: the delivery chunk is not loaded.
    await vi.waitFor(() => expect(queued).toBeGreaterThan(0))
    expect(next.survey).toHaveBeenCalledTimes(1)
    expect(next.delivery).not.toHaveBeenCalled()
    sonde.destroy()

    // A changed survey is checked again.
    const changed = counted()
    const edited = { ...acme.surveys[1], version: 99 }
    sonde = await startSonde({ ...options(3), config: { surveys: [edited] } }, changed)
    expect(changed.validator).toHaveBeenCalledTimes(1)
  })

  // `user.id` is optional: a visitor not signed in may still come with traits (the plan of the
  // account page they browse), which audience rules and answers' context must see.
  it('keeps the traits of a user given to init without an id', async () => {
    const survey: Survey = {
      ...(acme.surveys[1] as Survey),
      id: 'pro-only',
      audience: { traits: [{ key: 'plan', op: 'eq', value: 'pro' }] },
    }
    sonde = init({
      endpoint: endpoint(),
      locale: 'en',
      config: { surveys: [survey] },
      user: { traits: { plan: 'pro' } },
    })
    await vi.waitFor(
      () => expect(sonde?.canShow('pro-only')).not.toMatchObject({ reason: 'loading' }),
      { timeout: 5_000 },
    )
    expect(sonde.canShow('pro-only')).toEqual({ ok: true })
  })

  it('remembers nothing without consent, and loads no outbox on a quiet page', async () => {
    const options = { endpoint: endpoint(), consent: 'pending' as const, config: { surveys: [] } }
    for (let page = 0; page < 2; page++) {
      const chunks = counted()
      sonde = await startSonde(options, chunks)
      await vi.waitFor(() => expect(sonde?.canShow('x')).toMatchObject({ reason: 'consent' }))
      expect(chunks.validator).toHaveBeenCalledTimes(1)
      expect(chunks.delivery).not.toHaveBeenCalled()
      sonde.destroy()
    }
  })
})
