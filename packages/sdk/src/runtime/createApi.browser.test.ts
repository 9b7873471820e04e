import type { Batch, SondeEvent } from '@sonde/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import acme from '../../../../test/fixtures/acme.config.json'
import { storeName } from '../delivery/storeName'
import { init } from '../init'
import type { Sonde } from './types'

// The public methods over a running Sonde, in Chromium with the real chunks, IndexedDB and a
// stand-in receiver: what destroy() leaves behind, and traits that are not plain JSON.
const batches: Batch[] = []
const realFetch = window.fetch
const made: Sonde[] = []

beforeEach(() => {
  batches.length = 0
  window.fetch = vi.fn(async (input: RequestInfo | URL, options?: RequestInit) => {
    if (!String(input).includes('/v1/batch')) return realFetch(input, options)
    const batch = JSON.parse(String(options?.body)) as Batch
    batches.push(batch)
    return new Response(JSON.stringify({ accepted: batch.events.map((e) => e.id), rejected: [] }))
  }) as typeof fetch
})
afterEach(() => {
  vi.restoreAllMocks()
  for (const sonde of made.splice(0)) sonde.destroy()
  for (const el of document.querySelectorAll('sonde-root')) el.remove()
  window.fetch = realFetch
})

const endpoint = () => `https://collect.test/${crypto.randomUUID()}/v1/batch`
const start = (options: Parameters<typeof init>[0]) => {
  const sonde = init(options)
  made.push(sonde)
  return sonde
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const csat = acme.surveys.find((s) => s.id === 'csat-ticket') as (typeof acme.surveys)[number]
const prompt = () =>
  [...document.querySelectorAll('sonde-root')].find((el) =>
    el.shadowRoot?.querySelector('[role=dialog]'),
  )?.shadowRoot ?? null

/** Answers the CSAT prompt with `score` and waits for its completion. */
async function answer(sonde: Sonde, score: number) {
  const completed = vi.fn()
  sonde.on('survey:completed', completed)
  sonde.track('ticket_closed')
  const radio = await vi.waitFor(
    () => {
      const found = [...(prompt()?.querySelectorAll('[role=radio]') ?? [])].find((el) =>
        el.getAttribute('aria-label')?.startsWith(String(score)),
      )
      if (!found) throw new Error('no prompt yet')
      return found as HTMLElement
    },
    { timeout: 5_000 },
  )
  await userEvent.click(radio)
  await vi.waitFor(() => expect(completed).toHaveBeenCalled())
}

describe('destroy', () => {
  it('right after init: a tour left mid-way does not come back once the start completes', async () => {
    const tour = {
      id: 'resumable',
      version: 1,
      locale: 'en',
      steps: [
        { id: 'one', title: 'Step one' },
        { id: 'two', title: 'Step two' },
      ],
    }
    const options = { endpoint: endpoint(), locale: 'en', config: { tours: [tour] } }
    // An earlier page left the tour on its first step, which is stored.
    const first = start(options)
    const started = vi.fn()
    first.on('tour:started', started)
    first.startTour('resumable')
    await vi.waitFor(() => expect(started).toHaveBeenCalled(), { timeout: 5_000 })
    await sleep(300)
    first.destroy()
    await vi.waitFor(() => expect(document.querySelectorAll('sonde-root')).toHaveLength(0))
    // This page destroys Sonde before its start (stored state, config) is done.
    start(options).destroy()
    await sleep(1_500)
    expect(document.querySelectorAll('sonde-root')).toHaveLength(0)
  })

  it('leaves canShow saying no, as show() then does nothing', async () => {
    const sonde = start({ endpoint: endpoint(), config: { surveys: [csat] } })
    await vi.waitFor(() => expect(sonde.canShow('csat-ticket')).toEqual({ ok: true }))
    sonde.destroy()
    expect(sonde.canShow('csat-ticket')).toEqual({ ok: false, reason: 'destroyed' })
  })
})

describe('identify with traits that are not plain JSON', () => {
  it('drops cyclic traits with one error naming them, and still delivers the answers', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const sonde = start({ endpoint: endpoint(), locale: 'en', config: { surveys: [csat] } })
    const traits: Record<string, unknown> = { plan: 'pro' }
    traits.self = traits
    sonde.identify('u_cyclic', traits)
    await answer(sonde, 4)
    await sleep(300)
    await sonde.flush()
    expect(batches.flatMap((b) => b.events.map((e) => e.type))).toContain('survey.completed')
    expect(error).toHaveBeenCalledWith('[sonde] identify: expected JSON traits')
  })

  // An avatar kept as a data URL among the traits: each event carrying it was too large to send,
  // so the prompt's every event, answers included, was dropped without an error.
  it('leaves out traits too large to send, with one error, and delivers the answers', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const sonde = start({ endpoint: endpoint(), locale: 'en', config: { surveys: [csat] } })
    sonde.identify('u_avatar', {
      plan: 'pro',
      avatar: `data:image/png;base64,${'A'.repeat(300_000)}`,
    })
    await answer(sonde, 4)
    await sleep(300)
    await sonde.flush()
    const sent = batches.flatMap((b) => b.events).find((e) => e.type === 'survey.completed')
    expect(sent?.context?.user).toMatchObject({ id: 'u_avatar', traits: {} })
    expect(error).toHaveBeenCalledWith('[sonde] user.traits over 8 KB: left out of the event')
  })

  it('refuses traits that are not an object (a string, an array) with one error', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const sonde = start({ endpoint: endpoint(), locale: 'en', config: { surveys: [csat] } })
    const identify = sonde.identify as (id: string, traits: unknown) => void
    identify('u_plan', 'pro')
    identify('u_plan', ['pro'])
    await answer(sonde, 4)
    await sleep(300)
    await sonde.flush()
    const sent = batches.flatMap((b) => b.events).find((e) => e.type === 'survey.completed')
    // Not { 0: 'p', 1: 'r', 2: 'o' }: the user stays anonymous, as with any refused identify.
    expect(sent?.context?.user?.traits).toEqual({})
    expect(error.mock.calls.map((call) => call[0])).toEqual([
      '[sonde] identify: expected JSON traits',
      '[sonde] identify: expected JSON traits',
    ])
  })

  it.each(['identify', 'init'] as const)(
    'keeps what serialises of traits with a function given to %s, so the display history is still stored',
    async (by) => {
      vi.spyOn(console, 'error').mockImplementation(() => {})
      const traits = { plan: 'pro', refresh: () => 1 }
      const options = {
        endpoint: endpoint(),
        locale: 'en',
        config: { surveys: [{ ...csat, frequency: { recontactDays: 90 } }] },
        ...(by === 'init' ? { user: { id: 'u_model', traits } } : {}),
      }
      const sonde = start(options)
      if (by === 'identify') sonde.identify('u_model', traits)
      await answer(sonde, 5)
      await sleep(500)
      await sonde.flush()
      const sent = batches.flatMap((b) => b.events).find((e) => e.type === 'survey.completed')
      expect(sent?.context?.user?.traits).toEqual({ plan: 'pro' })
      sonde.destroy()
      // The site's next page: the recontact period holds.
      const next = start(options)
      await vi.waitFor(() =>
        expect(next.canShow('csat-ticket')).not.toMatchObject({ reason: 'loading' }),
      )
      expect(next.canShow('csat-ticket')).toMatchObject({
        ok: false,
        reason: 'frequency.recontact',
      })
    },
  )
})

/** Everything a database holds, as JSON, read without leaving a connection open. */
const storedJson = async (name: string): Promise<string> => {
  const names = (await indexedDB.databases()).map((db) => db.name)
  if (!names.includes(name)) return ''
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name)
    open.onsuccess = () => resolve(open.result)
    open.onerror = () => reject(open.error)
  })
  try {
    const stores = [...db.objectStoreNames]
    const all = stores.map((store) => {
      const read = db.transaction(store).objectStore(store).getAll()
      return new Promise((resolve) => {
        read.onsuccess = () => resolve(read.result)
      })
    })
    return JSON.stringify(await Promise.all(all))
  } finally {
    db.close()
  }
}

// What the page's URL holds past its path (a reset token, an OAuth fragment) is never sent, and
// has no business in Sonde's storage either, where it would outlive the page.
describe('the display history', () => {
  it('keeps no query or fragment of the page it was saved on', async () => {
    const url = endpoint()
    const ns = storeName(url, 'pk_test')
    const before = location.href
    history.replaceState(history.state, '', '/reset-password?token=SECRET#access_token=XYZ')
    try {
      const sonde = start({ endpoint: url, key: 'pk_test', locale: 'en', config: { surveys: [] } })
      sonde.track('export_completed')
      await vi.waitFor(async () => expect(await storedJson(`${ns}-state`)).toContain('export'), {
        timeout: 5_000,
      })
      expect(await storedJson(`${ns}-state`)).not.toMatch(/SECRET|XYZ/)
    } finally {
      history.replaceState(history.state, '', before)
    }
  })
})

describe('optOut', () => {
  /** What the targeting state database holds, read without leaving a connection open. */
  const storedState = async (name: string): Promise<unknown> => {
    const names = (await indexedDB.databases()).map((db) => db.name)
    if (!names.includes(name)) return undefined
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name)
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    try {
      if (!db.objectStoreNames.contains('state')) return undefined
      const read = db.transaction('state').objectStore('state').get('targeting')
      return await new Promise((resolve) => {
        read.onsuccess = () => resolve(read.result)
      })
    } finally {
      db.close()
    }
  }

  // A signed-in visitor whose traits name them.
  const signedIn = (url: string) => ({
    endpoint: url,
    key: 'pk_test',
    locale: 'en',
    config: { surveys: [csat] },
    user: { id: 'u_42', traits: { email: 'ann@example.com' } },
  })

  it('forgets who the visitor was: no anonymous id, session, user or traits stay stored', async () => {
    const url = endpoint()
    const ns = storeName(url, 'pk_test')
    const sonde = start(signedIn(url))
    sonde.track('export_completed')
    await vi.waitFor(async () =>
      expect(await storedState(`${ns}-state`)).toMatchObject({ user: { id: 'u_42' } }),
    )
    expect(localStorage.getItem(`${ns}:anon`)).not.toBeNull()
    sonde.optOut()
    await vi.waitFor(async () =>
      expect({
        anon: localStorage.getItem(`${ns}:anon`),
        session: localStorage.getItem(`${ns}:session`),
        user: ((await storedState(`${ns}-state`)) as { user?: unknown } | null)?.user,
        optedOut: localStorage.getItem(`${ns}:optout`),
      }).toEqual({ anon: null, session: null, user: undefined, optedOut: '1' }),
    )
  })

  // Answers still waiting for the receiver (offline) carry the visitor in their context: opting
  // out forgets them with the rest, rather than keep them on the device to go at a later optIn().
  it('forgets the answers still waiting to be sent, and who gave them', async () => {
    const url = endpoint()
    const ns = storeName(url, 'pk_test')
    const online = window.fetch
    window.fetch = (async (input: RequestInfo | URL, options?: RequestInit) =>
      String(input) === url
        ? Promise.reject(new TypeError('Failed to fetch'))
        : online(input, options)) as typeof fetch
    const sonde = start(signedIn(url))
    await answer(sonde, 5)
    await vi.waitFor(async () => expect(await storedJson(ns)).toContain('ann@example.com'), {
      timeout: 5_000,
    })
    sonde.optOut()
    await vi.waitFor(async () => expect(await storedJson(ns)).not.toContain('ann@example.com'), {
      timeout: 5_000,
    })
    expect(await storedJson(ns)).not.toContain('u_42')
  })

  // Another tab is another Sonde over the same storage: the choice reaches it at once, not at
  // its next page load.
  it('made in one tab holds in the others: no survey there, nothing stored or sent', async () => {
    const url = endpoint()
    const ns = storeName(url, 'pk_test')
    const options = { endpoint: url, key: 'pk_test', locale: 'en', config: { surveys: [csat] } }
    const here = start(options)
    const other = start(options)
    await here.flush()
    await other.flush()
    here.optOut()
    const shown = vi.fn()
    other.on('survey:shown', shown)
    other.track('ticket_closed')
    await other.flush()
    await sleep(300)
    expect({
      shown: shown.mock.calls.length,
      canShow: other.canShow('csat-ticket'),
      sent: batches.flatMap((b) => b.events).length,
      anon: localStorage.getItem(`${ns}:anon`),
      user: ((await storedState(`${ns}-state`)) as { user?: unknown } | null)?.user,
    }).toEqual({
      shown: 0,
      canShow: { ok: false, reason: 'consent' },
      sent: 0,
      anon: null,
      user: undefined,
    })
  })
})

// The usual consent banner: Sonde starts with consent pending on every page, and the banner's
// optIn() follows once it has read the visitor's choice.
describe('optIn after the page started', () => {
  const consentOnEachPage = (url: string, surveys: unknown[]) => {
    const sonde = start({
      endpoint: url,
      locale: 'en',
      consent: 'pending',
      config: { surveys } as Parameters<typeof init>[0]['config'],
    })
    return sonde
  }
  const sent = () => batches.flatMap((b) => b.events)
  const noConsent = { ok: false, reason: 'consent' }

  it('keeps one visitor across pages: the same anonymous id and session, this page counted', async () => {
    const url = endpoint()
    const seen: unknown[] = []
    for (const page of [0, 1]) {
      const sonde = consentOnEachPage(url, [{ ...csat, id: `c${page}` }])
      // No survey before consent: its answer could be neither kept nor sent.
      await vi.waitFor(() => expect(sonde.canShow(`c${page}`)).toEqual(noConsent))
      sonde.optIn()
      expect(sonde.canShow(`c${page}`)).toEqual({ ok: true })
      batches.length = 0
      await answer(sonde, 5)
      await sonde.flush()
      const done = sent().find((e) => e.type === 'survey.completed')
      seen.push({
        anon: done?.context?.user?.anonymousId,
        session: done?.context?.session?.id,
        pageViews: done?.context?.session?.pageViews,
      })
      sonde.destroy()
      for (const el of document.querySelectorAll('sonde-root')) el.remove()
    }
    const [first, second] = seen as Array<{ anon: string; session: string; pageViews: number }>
    expect(first?.pageViews).toBe(1)
    expect(second).toEqual({ anon: first?.anon, session: first?.session, pageViews: 2 })
  })

  it('keeps the display history: a survey answered is not asked again on the next page', async () => {
    const url = endpoint()
    const first = consentOnEachPage(url, [csat])
    await vi.waitFor(() => expect(first.canShow('csat-ticket')).toEqual(noConsent))
    first.optIn()
    await answer(first, 5)
    await first.flush()
    first.destroy()
    const next = consentOnEachPage(url, [csat])
    await vi.waitFor(() => expect(next.canShow('csat-ticket')).toEqual(noConsent))
    next.optIn()
    await vi.waitFor(() =>
      expect(next.canShow('csat-ticket')).toMatchObject({
        ok: false,
        reason: 'frequency.completed',
      }),
    )
  })
})

describe('track from plain JS', () => {
  it('with null or a string for properties: no error, and event triggers still fire', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const sonde = start({ endpoint: endpoint(), locale: 'en', config: { surveys: [csat] } })
    const track = sonde.track as (name: string, properties: unknown) => void
    track('report_exported', 'rows')
    track('ticket_closed', null)
    await vi.waitFor(() => expect(prompt()).not.toBeNull(), { timeout: 5_000 })
    expect(error).not.toHaveBeenCalled()
  })
})

// Calls run once the stored state and the config are in (and, on a site's first page, the
// options checked): what they are judged on is the host's object as it was at the call, not as
// the host changed it since (an object reused for the next export, a user model updated).
describe.each([
  ['on the first page', false],
  ['on a later page', true],
])('objects the host changes after the call, %s', (_, later) => {
  const exported = {
    ...csat,
    id: 'csv-export',
    trigger: { event: 'export_finished', where: { format: 'csv' } },
    audience: { traits: [{ key: 'plan', op: 'eq', value: 'pro' }] },
  }
  const page = async () => {
    const options = { endpoint: endpoint(), locale: 'en', config: { surveys: [exported] } }
    // Options seen valid on an earlier page start at once, without the validator.
    if (later) await start(options).flush()
    return start(options)
  }

  it('identify and track: judged on the traits and properties given at the call', async () => {
    const sonde = await page()
    const shown = vi.fn()
    sonde.on('survey:shown', shown)
    const traits = { plan: 'pro' }
    const properties = { format: 'csv' }
    sonde.identify('u_42', traits)
    sonde.track('export_finished', properties)
    traits.plan = 'free'
    properties.format = 'xlsx'
    await vi.waitFor(() => expect(shown).toHaveBeenCalled(), { timeout: 5_000 })
  })
})

describe('beforeSend', () => {
  // The mistakes a host makes: mutating without returning, an async hook, a wrong value.
  const returns = {
    nothing: (event: SondeEvent) => {
      event.surveyVersion = 7
    },
    'a promise': async (event: SondeEvent) => event,
    'a string': () => 'event',
  }
  for (const [what, beforeSend] of Object.entries(returns))
    it(`returning ${what}: one error naming beforeSend per event, which is dropped`, async () => {
      const error = vi.spyOn(console, 'error').mockImplementation(() => {})
      const beforeSendAny = beforeSend as unknown as (event: SondeEvent) => SondeEvent
      const hooked = start({
        endpoint: endpoint(),
        locale: 'en',
        config: { surveys: [csat] },
        beforeSend: beforeSendAny,
      })
      const queued = vi.fn()
      hooked.on('delivery:queued', queued)
      await answer(hooked, 4)
      await sleep(300)
      expect(await hooked.flush()).toEqual({ sent: 0, pending: 0 })
      expect(batches).toEqual([])
      expect(queued).not.toHaveBeenCalled()
      const said = error.mock.calls.map((call) => String(call[0]))
      expect(said.length).toBeGreaterThan(0)
      for (const line of said)
        expect(line).toMatch(/^\[sonde\] beforeSend: expected the event or null/)
    })

  // A hook that throws midway through redacting (README: anything but the event or null drops
  // it) must not let the unredacted event out.
  it('throwing: the event is dropped, not sent unchanged, with an error naming beforeSend', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const hooked = start({
      endpoint: endpoint(),
      locale: 'en',
      config: { surveys: [csat] },
      beforeSend: (event) => {
        if (event.context?.user) throw new Error('redaction failed')
        return event
      },
    })
    await answer(hooked, 4)
    await sleep(300)
    expect(await hooked.flush()).toEqual({ sent: 0, pending: 0 })
    expect(batches).toEqual([])
    const said = error.mock.calls.map((call) => String(call[0]))
    expect(said.length).toBeGreaterThan(0)
    for (const line of said) expect(line).toMatch(/^\[sonde\] beforeSend threw/)
  })
})

describe('a survey held back by the page’s modal dialog', () => {
  const here = location.href
  afterEach(() => {
    for (const el of document.querySelectorAll('dialog')) el.remove()
    history.replaceState(null, '', here)
  })

  // Its page trigger's delay is cancelled by a route change (README); the wait is as well.
  it('does not show on the page navigated to, and reports nothing: it was never shown', async () => {
    const survey = { ...csat, id: 'checkout-csat', trigger: { page: { prefix: '/checkout' } } }
    history.replaceState(null, '', '/checkout')
    const dialog = document.createElement('dialog')
    document.body.append(dialog)
    dialog.showModal()
    const sonde = start({ endpoint: endpoint(), locale: 'en', config: { surveys: [survey] } })
    const reported = vi.fn()
    sonde.on('survey:shown', reported)
    sonde.on('survey:dismissed', reported)
    await vi.waitFor(() => expect(document.querySelector('sonde-root')).not.toBeNull(), {
      timeout: 5_000,
    })
    await sleep(500)
    expect(prompt()).toBeNull() // held while the dialog is open

    // The respondent leaves /checkout; the app closes its dialog as the route changes.
    history.pushState(null, '', '/settings')
    dialog.close()
    await sleep(800)
    await sonde.flush()
    const sent = batches.flatMap((b) => b.events.map((e) => e.type))
    expect({ onScreen: !!prompt(), reported: reported.mock.calls, sent }).toEqual({
      onScreen: false,
      reported: [],
      sent: [],
    })
    expect(document.querySelector('sonde-root')).toBeNull() // it left, not merely hidden
  })

  // reset(): someone else uses the app now (a shared device, a log-out); the survey was due
  // for the person before.
  it('does not show once reset() makes a new person of the visitor', async () => {
    const dialog = document.createElement('dialog')
    document.body.append(dialog)
    dialog.showModal()
    const sonde = start({ endpoint: endpoint(), locale: 'en', config: { surveys: [csat] } })
    const reported = vi.fn()
    sonde.on('survey:shown', reported)
    sonde.track('ticket_closed')
    await vi.waitFor(() => expect(document.querySelector('sonde-root')).not.toBeNull(), {
      timeout: 5_000,
    })
    await sleep(500)
    expect(prompt()).toBeNull() // held while the dialog is open
    sonde.reset()
    dialog.close()
    await sleep(800)
    expect({ onScreen: !!prompt(), reported: reported.mock.calls }).toEqual({
      onScreen: false,
      reported: [],
    })
    expect(document.querySelector('sonde-root')).toBeNull()
  })
})

describe('a tour waiting for its first target', () => {
  const here = location.href
  afterEach(() => {
    for (const el of document.querySelectorAll('#new-report')) el.remove()
    history.replaceState(null, '', here)
  })

  // A full page load onto a page outside the rule ends it too, as a route change there does.
  it('resumed on a page its rule does not cover, ends instead of showing', async () => {
    const welcome = {
      id: 'welcome',
      version: 1,
      locale: 'en',
      trigger: { page: { prefix: '/app' } },
      steps: [
        { id: 'new', target: '#new-report', title: 'Create a report' },
        { id: 'again', target: '#new-report', title: 'And another' },
      ],
    }
    // The shared header, on every page of the app.
    const header = document.createElement('button')
    header.id = 'new-report'
    header.textContent = 'New report'
    document.body.append(header)
    history.replaceState(null, '', '/app/reports')
    const options = { endpoint: endpoint(), locale: 'en', config: { tours: [welcome] } }
    const first = start(options)
    await vi.waitFor(() => expect(prompt()).toBeTruthy(), { timeout: 5_000 })
    await sleep(300)
    first.destroy()
    // The visitor follows a plain link to a page outside the tour's pages.
    history.replaceState(null, '', '/settings')
    const next = start(options)
    const dismissed = vi.fn()
    next.on('tour:dismissed', dismissed)
    await sleep(1_500)
    expect({ onScreen: !!prompt(), dismissed: dismissed.mock.calls }).toEqual({
      onScreen: false,
      dismissed: [[expect.objectContaining({ tourId: 'welcome', reason: 'route' })]],
    })
  })

  // Leaving the pages a tour belongs to ends it (README): also while it still waits.
  it('does not show on a page its rule does not cover once the user has left', async () => {
    const welcome = {
      id: 'welcome',
      version: 1,
      locale: 'en',
      trigger: { page: { prefix: '/app' } },
      steps: [{ id: 'new', target: '#new-report', title: 'Create a report' }],
    }
    history.replaceState(null, '', '/app/reports')
    const sonde = start({ endpoint: endpoint(), locale: 'en', config: { tours: [welcome] } })
    const started = vi.fn()
    const dismissed = vi.fn()
    sonde.on('tour:started', started)
    sonde.on('tour:dismissed', dismissed)
    await vi.waitFor(() => expect(document.querySelector('sonde-root')).not.toBeNull(), {
      timeout: 5_000,
    })
    history.pushState(null, '', '/settings')
    await sleep(100)
    // The shared header renders late, on the page navigated to.
    const header = document.createElement('button')
    header.id = 'new-report'
    header.textContent = 'New report'
    document.body.append(header)
    await sleep(500)
    expect({ onScreen: !!prompt(), started: started.mock.calls }).toEqual({
      onScreen: false,
      started: [],
    })
    expect(dismissed).toHaveBeenCalledWith(expect.objectContaining({ reason: 'route' }))
  })
})

// Two Sondes in one page share IndexedDB and localStorage exactly as two tabs of one visitor do.
describe('two tabs of one visitor', () => {
  const options = (url: string, surveys: unknown[]) =>
    ({
      endpoint: url,
      locale: 'en',
      config: { surveys },
    }) as Parameters<typeof init>[0]
  /** A page that has read the stored state and the config. */
  const ready = async (sonde: Sonde, id: string) => {
    await vi.waitFor(() => expect(sonde.canShow(id)).not.toMatchObject({ reason: 'loading' }))
    return sonde
  }
  /** The other tab, still open, saves its state (any tracked event); then both close. */
  const otherSavesThenBothClose = async (here: Sonde, other: Sonde) => {
    await sleep(300)
    other.track('report_exported')
    await other.flush()
    await sleep(300)
    here.destroy()
    other.destroy()
  }

  /**
   * After `change` in one tab, the other tab, still open, saves its state (any tracked event);
   * both close, and the next page answers the CSAT: the user its answer was sent with.
   */
  const userOnNextPage = async (url: string, here: Sonde, other: Sonde, change: () => void) => {
    change()
    await here.flush()
    await otherSavesThenBothClose(here, other)
    const next = await ready(start(options(url, [csat])), 'csat-ticket')
    batches.length = 0
    await answer(next, 5)
    await next.flush()
    return batches.flatMap((b) => b.events).find((e) => e.type === 'survey.completed')?.context
      ?.user
  }

  /** Two tabs of one visitor over `survey`, each having tracked `export` twice and saved. */
  const twoTabsExportTwice = async (url: string, survey: unknown) => {
    const tabs = [start(options(url, [survey])), start(options(url, [survey]))]
    for (const tab of tabs) await ready(tab, 'csat-ticket')
    for (const tab of tabs) {
      tab.track('export')
      tab.track('export')
      await tab.flush()
    }
    await sleep(300)
    return tabs
  }

  it('add up their event counts: twice in each makes "exported ≥ 3 times" true', async () => {
    const url = endpoint()
    const survey = { ...csat, audience: { events: [{ name: 'export', count: { gte: 3 } }] } }
    await twoTabsExportTwice(url, survey)
    const next = await ready(start(options(url, [survey])), 'csat-ticket')
    expect(next.canShow('csat-ticket')).toEqual({ ok: true })
  })

  it('add up their event counts in the check before a survey shows', async () => {
    const url = endpoint()
    // For people new to exporting: at most twice, in all their tabs together.
    const survey = { ...csat, audience: { events: [{ name: 'export', count: { lte: 2 } }] } }
    const tabs = await twoTabsExportTwice(url, survey)
    const [, other] = tabs as [Sonde, Sonde]
    const shown = vi.fn()
    other.on('survey:shown', shown)
    other.track('ticket_closed')
    await sleep(1_500)
    expect({ onScreen: !!prompt(), shown: shown.mock.calls.length }).toEqual({
      onScreen: false,
      shown: 0,
    })
  })

  it('keep the step one of them advanced a tour to, when the other saves without moving it', async () => {
    const tour = {
      id: 'three',
      version: 1,
      locale: 'en',
      steps: ['one', 'two', 'three'].map((id) => ({ id, title: `Step ${id}` })),
    }
    const url = endpoint()
    const here = start({ endpoint: url, locale: 'en', config: { tours: [tour] } })
    const started = vi.fn()
    here.on('tour:started', started)
    here.startTour('three')
    await vi.waitFor(() => expect(started).toHaveBeenCalled(), { timeout: 5_000 })
    await sleep(300)
    // Opened while the tour is on screen here: it cannot resume it, and reads step one.
    const other = await ready(
      start({ endpoint: url, locale: 'en', config: { tours: [tour] } }),
      'x',
    )
    const step = vi.fn()
    here.on('tour:step', step)
    const next = [...(prompt()?.querySelectorAll('button') ?? [])].find(
      (b) => b.textContent === 'Next',
    ) as HTMLElement
    await userEvent.click(next)
    await vi.waitFor(() => expect(step).toHaveBeenCalled())
    // The tab the tour is in is closed; the next page resumes it where it was.
    await otherSavesThenBothClose(here, other)
    for (const el of document.querySelectorAll('sonde-root')) el.remove()
    start({ endpoint: url, locale: 'en', config: { tours: [tour] } })
    await vi.waitFor(() => expect(prompt()?.textContent).toContain('Step'), { timeout: 5_000 })
    expect(prompt()?.textContent).toContain('Step two')
  })

  // A sign-out on a shared computer: the host calls reset() in the tab the user signs out in.
  it('keep a reset made in one of them: the next page answers as the new visitor', async () => {
    const url = endpoint()
    const signedIn = { ...options(url, [csat]), user: { id: 'u_1', traits: { plan: 'pro' } } }
    const here = await ready(start(signedIn), 'csat-ticket')
    const other = await ready(start(signedIn), 'csat-ticket')
    const user = await userOnNextPage(url, here, other, () => here.reset())
    expect({ id: user?.id ?? null, anonymousId: user?.anonymousId }).toEqual({
      id: null,
      anonymousId: localStorage.getItem(`${storeName(url)}:anon`),
    })
  })

  // One visit, as context.session.pageViews reports it: the session is the visitor's, not a tab's.
  it('count the page views of their visit together for a session page views rule', async () => {
    const url = endpoint()
    const survey = { ...csat, audience: { pageViews: { gte: 5 } } }
    const here = await ready(start(options(url, [survey])), 'csat-ticket')
    const other = await ready(start(options(url, [survey])), 'csat-ticket')
    for (const tab of [here, other, here]) {
      tab.page()
      await tab.flush()
      await sleep(100)
    }
    // Five page views in this visit: two loads, three routes.
    expect(here.canShow('csat-ticket')).toEqual({ ok: true })
  })

  // A host that identifies once, at sign-in, relies on the stored user on the pages after it.
  it('keep the user one of them signed in: the next page answers as that user', async () => {
    const url = endpoint()
    const here = await ready(start(options(url, [csat])), 'csat-ticket')
    // The other tab was opened before the sign-in.
    const other = await ready(start(options(url, [csat])), 'csat-ticket')
    const user = await userOnNextPage(url, here, other, () => here.identify('u_1', { plan: 'pro' }))
    expect({ id: user?.id, traits: user?.traits }).toEqual({ id: 'u_1', traits: { plan: 'pro' } })
  })

  it.each([
    ['the session’s prompts', { maxPromptsPerSession: 1 }],
    ['the project’s cooldown', { cooldownDays: 14 }],
  ])('hold %s for a prompt one of them showed', async (_, settings) => {
    const url = endpoint()
    const config = { settings, surveys: [csat, { ...csat, id: 'csat-2' }] }
    const here = await ready(start({ endpoint: url, locale: 'en', config }), 'csat-ticket')
    const other = await ready(start({ endpoint: url, locale: 'en', config }), 'csat-ticket')
    await answer(here, 5)
    await sleep(300)
    for (const el of document.querySelectorAll('sonde-root')) el.remove()
    const shown = vi.fn()
    other.on('survey:shown', shown)
    other.show('csat-2')
    await sleep(1_500)
    expect(shown).not.toHaveBeenCalled()
  })
})
