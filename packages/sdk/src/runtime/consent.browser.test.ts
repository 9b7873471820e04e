import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import acme from '../../../../test/fixtures/acme.config.json'
import { storeName } from '../delivery/storeName'
import { init } from '../init'
import type { Sonde } from './types'

// Consent pending or denied, or opted out (DESIGN: no storage writes, no requests), in Chromium
// with the real chunks: a survey's answer could be neither kept nor sent, so none is shown; a
// tour, which asks nothing, still is; a remote config is not asked for until consent comes.
const requests: string[] = []
const realFetch = window.fetch
const made: Sonde[] = []
const csat = acme.surveys.find((s) => s.id === 'csat-ticket') as (typeof acme.surveys)[number]
const welcome = {
  id: 'welcome',
  version: 1,
  locale: 'en',
  steps: [{ id: 'hi', title: 'Welcome aboard' }],
}

// A config answered at once unless a test holds it back.
let configServed: Promise<unknown> = Promise.resolve()
// Due after a second on the page: what starts a timer once the config is in.
const onTime = { ...csat, id: 'on-time', trigger: { timeOnPageSeconds: 1 } }

beforeEach(() => {
  configServed = Promise.resolve()
  requests.length = 0
  window.fetch = vi.fn(async (input: RequestInfo | URL, options?: RequestInit) => {
    const url = String(input)
    if (!url.startsWith('https://collect.test/')) return realFetch(input, options)
    requests.push(url)
    if (url.endsWith('/v1/config')) {
      await configServed
      return Response.json({ surveys: [csat, onTime] })
    }
    const batch = JSON.parse(String(options?.body)) as { events: { id: string }[] }
    return Response.json({ accepted: batch.events.map((e) => e.id), rejected: [] })
  }) as typeof fetch
})
afterEach(() => {
  for (const sonde of made.splice(0)) sonde.destroy()
  for (const el of document.querySelectorAll('sonde-root')) el.remove()
  window.fetch = realFetch
})

const start = (options: Omit<Parameters<typeof init>[0], 'endpoint'>) => {
  const base = `https://collect.test/${crypto.randomUUID()}`
  const sonde = init({ endpoint: `${base}/v1/batch`, locale: 'en', ...options })
  made.push(sonde)
  const shown = vi.fn()
  sonde.on('survey:shown', shown)
  return { sonde, shown, base }
}
const loaded = (sonde: Sonde) =>
  vi.waitFor(() => expect(sonde.canShow('x', 'tour')).toMatchObject({ reason: 'unknown' }))
const dialogs = () =>
  [...document.querySelectorAll('sonde-root')].flatMap((el) => [
    ...(el.shadowRoot?.querySelectorAll('[role=dialog]') ?? []),
  ])

describe.each(['pending', 'denied'] as const)('consent %s', (consent) => {
  it('shows no survey, and canShow and the debug log say why', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {})
    const { sonde, shown } = start({ consent, debug: true, config: { surveys: [csat] } })
    await loaded(sonde)
    expect(sonde.canShow('csat-ticket')).toEqual({ ok: false, reason: 'consent' })
    sonde.track('ticket_closed')
    sonde.show('csat-ticket')
    await sonde.flush()
    await new Promise((r) => setTimeout(r, 300))
    expect(shown).not.toHaveBeenCalled()
    expect(dialogs()).toEqual([])
    expect(requests).toEqual([])
    expect(debug).toHaveBeenCalledWith('[sonde] survey csat-ticket not shown: consent')
    debug.mockRestore()
  })

  it('still shows a tour, which asks nothing', async () => {
    const { sonde } = start({ consent, config: { tours: [welcome] } })
    const started = vi.fn()
    sonde.on('tour:started', started)
    sonde.startTour('welcome')
    await vi.waitFor(() => expect(started).toHaveBeenCalled(), { timeout: 5_000 })
    expect(requests).toEqual([])
  })

  it('asks for no remote config; optIn() loads it and shows what the page was due', async () => {
    const base = `https://collect.test/${crypto.randomUUID()}`
    const { sonde, shown } = start({ consent, config: `${base}/v1/config` })
    await loaded(sonde)
    await new Promise((r) => setTimeout(r, 300))
    expect(requests).toEqual([])
    sonde.optIn()
    await vi.waitFor(() => expect(requests).toEqual([`${base}/v1/config`]))
    await vi.waitFor(() => expect(sonde.canShow('csat-ticket')).toEqual({ ok: true }))
    sonde.track('ticket_closed')
    await vi.waitFor(() => expect(shown).toHaveBeenCalled(), { timeout: 5_000 })
  })
})

describe('optOut', () => {
  it('mid-page: a survey due afterwards is not shown, and canShow says why', async () => {
    const { sonde, shown } = start({ config: { surveys: [csat] } })
    await vi.waitFor(() => expect(sonde.canShow('csat-ticket')).toEqual({ ok: true }))
    sonde.optOut()
    expect(sonde.canShow('csat-ticket')).toEqual({ ok: false, reason: 'consent' })
    sonde.track('ticket_closed')
    await sonde.flush()
    await new Promise((r) => setTimeout(r, 300))
    expect(shown).not.toHaveBeenCalled()
    sonde.optIn()
  })

  it('forgets the answers a closed page left in localStorage, with who gave them', async () => {
    const { sonde, base } = start({ config: { surveys: [csat] } })
    const key = `${storeName(`${base}/v1/batch`)}:unsent`
    localStorage.setItem(key, '[]')
    await loaded(sonde)
    sonde.optOut()
    expect(localStorage.getItem(key)).toBeNull()
    sonde.optIn()
  })

  // The options memo (config/rememberValid.ts) is a hash of the options, the user's id with them.
  it('leaves nothing but the choice in localStorage, the memo of the options too', async () => {
    const { sonde, base } = start({ user: { id: 'u_42' }, config: { surveys: [csat] } })
    const ns = storeName(`${base}/v1/batch`)
    const stored = () => Object.keys(localStorage).filter((key) => key.startsWith(`${ns}:`))
    await loaded(sonde)
    await vi.waitFor(() => expect(stored()).toContain(`${ns}:valid`))
    sonde.optOut()
    expect(stored()).toEqual([`${ns}:optout`])
    sonde.optIn()
  })
  // What a survey's flow keeps of an answer until its display history is stored (surveyOutcome).
  it('forgets what was kept of an answer for the next page', async () => {
    const { sonde, base } = start({ config: { surveys: [csat] } })
    const key = `${storeName(`${base}/v1/batch`)}:outcome`
    await loaded(sonde)
    sonde.track('ticket_closed')
    await vi.waitFor(() => expect(dialogs()).toHaveLength(1), { timeout: 5_000 })
    const four = dialogs()[0]?.querySelector<HTMLElement>('[role=radio][aria-label^="4"]')
    four?.click()
    expect(localStorage.getItem(key)).not.toBeNull()
    sonde.optOut()
    expect(localStorage.getItem(key)).toBeNull()
    sonde.optIn()
  })
})

describe('destroy', () => {
  it('while optIn() loads the remote config: no timer armed once it arrives', async () => {
    let serve = () => {}
    configServed = new Promise<void>((resolve) => {
      serve = resolve
    })
    const base = `https://collect.test/${crypto.randomUUID()}`
    const { sonde } = start({ consent: 'pending', config: `${base}/v1/config` })
    await loaded(sonde)
    sonde.optIn()
    await vi.waitFor(() => expect(requests).toEqual([`${base}/v1/config`]))
    sonde.destroy()
    // Timers set from here on, less those that fired or were cleared.
    const pending = new Map<number, number>()
    const realSet = window.setTimeout
    const realClear = window.clearTimeout
    vi.spyOn(window, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      const id: number = realSet(() => {
        pending.delete(id)
        fn()
      }, ms)
      pending.set(id, ms ?? 0)
      return id
    }) as typeof setTimeout)
    vi.spyOn(window, 'clearTimeout').mockImplementation((id?: number) => {
      if (id !== undefined) pending.delete(id)
      realClear(id)
    })
    serve()
    await new Promise((r) => realSet(r, 300))
    // The page's second-on-page threshold would be armed for the survey due then.
    expect([...pending.values()]).toEqual([])
    vi.restoreAllMocks()
  })
})

// IndexedDB missing (some privacy modes) or barred (reading it throws in some sandboxed frames):
// opting out still forgets and stops all, and is no '[sonde] internal error' in the console.
describe.each([
  ['missing', () => undefined],
  [
    'barred',
    () => {
      throw new DOMException('The operation is insecure.', 'SecurityError')
    },
  ],
])('optOut() where IndexedDB is %s', (_, read) => {
  it('opts out without a console error', async () => {
    const own = Object.getOwnPropertyDescriptor(window, 'indexedDB') as PropertyDescriptor
    Object.defineProperty(window, 'indexedDB', { configurable: true, get: read })
    const error = vi.spyOn(console, 'error')
    try {
      const { sonde, shown } = start({ config: { surveys: [csat] } })
      await loaded(sonde)
      sonde.optOut()
      sonde.track('ticket_closed')
      await sonde.flush()
      expect(sonde.canShow('csat-ticket')).toEqual({ ok: false, reason: 'consent' })
      expect(shown).not.toHaveBeenCalled()
      expect(error).not.toHaveBeenCalled()
    } finally {
      Object.defineProperty(window, 'indexedDB', own)
      error.mockRestore()
    }
  })
})

// A site whose own data filled localStorage: Sonde's next write there (the session, at a page
// view) is refused. Opting out must still reach it: removing the anonymous id and the session
// makes room for the choice, which the next page reads.
it('optOut() with localStorage full: the choice is kept, who the visitor was forgotten', async () => {
  const first = start({ config: { surveys: [csat] } })
  await loaded(first.sonde)
  const ns = storeName(`${first.base}/v1/batch`)
  expect(localStorage.getItem(`${ns}:anon`)).not.toBeNull()
  first.sonde.destroy()
  // Filled to the last character the browser takes.
  const fillers: string[] = []
  for (let size = 1 << 20; size >= 1; ) {
    const key = `filler-${fillers.length}`
    try {
      localStorage.setItem(key, 'x'.repeat(size))
      fillers.push(key)
    } catch {
      size >>= 1
    }
  }
  try {
    // The next page of the same site.
    const sonde = init({ endpoint: `${first.base}/v1/batch`, config: { surveys: [csat] } })
    made.push(sonde)
    await loaded(sonde)
    sonde.track('ticket_closed')
    sonde.optOut()
    expect({
      anon: localStorage.getItem(`${ns}:anon`),
      session: localStorage.getItem(`${ns}:session`),
      optOut: localStorage.getItem(`${ns}:optout`),
    }).toEqual({ anon: null, session: null, optOut: '1' })
  } finally {
    for (const key of fillers) localStorage.removeItem(key)
    localStorage.removeItem(`${ns}:optout`)
  }
})
