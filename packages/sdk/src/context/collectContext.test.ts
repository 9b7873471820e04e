import { contextSchema } from '@sonde/core'
import { describe, expect, it, vi } from 'vitest'
import { type ContextInput, collectContext } from './collectContext'

const input = (patch: Partial<ContextInput> = {}): ContextInput => ({
  now: 100_000,
  page: {
    href: 'https://app.example.com/reset?token=a&email=x&utm_source=mail#access_token=y',
    title: 'Reset',
    referrer: 'https://mail.example.com/inbox?id=42',
    enteredAt: 59_000,
    scrollDepth: 0.6,
  },
  locale: 'fr-FR',
  timezone: 'Europe/Paris',
  device: 'desktop',
  viewport: { w: 1280, h: 720 },
  userAgent: 'UA',
  user: { id: 'u_42', anonymousId: 'anon', traits: { plan: 'pro' } },
  session: { id: 's1', startedAt: 0, lastActivityAt: 90_000, pageViews: 5, events: { export: 2 } },
  appVersion: '2.3.1',
  keepQuery: [],
  restricted: false,
  ...patch,
})

describe('collectContext', () => {
  it('builds the documented context with redacted URLs', () => {
    expect(collectContext(input())).toEqual({
      page: {
        url: 'https://app.example.com/reset',
        path: '/reset',
        title: 'Reset',
        referrer: 'https://mail.example.com/inbox',
        timeOnPageMs: 41_000,
        scrollDepth: 0.6,
      },
      locale: 'fr-FR',
      timezone: 'Europe/Paris',
      device: 'desktop',
      viewport: { w: 1280, h: 720 },
      userAgent: 'UA',
      user: { id: 'u_42', anonymousId: 'anon', known: true, traits: { plan: 'pro' } },
      session: {
        id: 's1',
        startedAt: '1970-01-01T00:00:00.000Z',
        durationMs: 100_000,
        pageViews: 5,
        events: { export: 2 },
      },
      app: { version: '2.3.1' },
      custom: {},
    })
  })

  it('always fits the wire schema', () => {
    for (const patch of [
      {},
      { restricted: true },
      { appVersion: undefined, timezone: undefined },
      // A context function giving something whose JSON is no object (a host's dataLayer array,
      // a Date): the receiver would refuse the event, answers and all.
      { custom: () => ['consent', 'page_view'] as never },
      { custom: () => new Date(0) as never },
      { custom: () => ({ toJSON: () => [1] }) },
      // document.title read on a page whose markup names an element so (<img name="title">).
      { page: { ...input().page, title: { tagName: 'IMG' } as never } },
    ]) {
      expect(contextSchema.safeParse(collectContext(input(patch))).success).toBe(true)
    }
  })

  it('sends the title with its email addresses taken out', () => {
    const page = { ...input().page, title: 'Inbox (3) - ann@example.com - Mail' }
    expect(collectContext(input({ page })).page?.title).toBe('Inbox (3) - :email - Mail')
  })

  it('keeps allow-listed query parameters only', () => {
    const context = collectContext(input({ keepQuery: ['utm_source'] }))
    expect(context.page?.url).toBe('https://app.example.com/reset?utm_source=mail')
  })

  it('sends only path and locale under Global Privacy Control or Do Not Track', () => {
    expect(collectContext(input({ restricted: true }))).toEqual({
      page: { path: '/reset' },
      locale: 'fr-FR',
    })
  })

  // A data: page's "path" is its document: a frame of an email's HTML, a generated report.
  it.each([false, true])('sends no path of a data: page (restricted: %s)', (restricted) => {
    const page = { ...input().page, href: 'data:text/html,<p>ann@example.com</p>' }
    const context = collectContext(input({ page, restricted }))
    expect(JSON.stringify(context)).not.toContain('ann@example.com')
    expect(context.page?.path).toBe('')
  })

  // BCP 47 tags ignore case, a segment by locale does not: a Django app's 'en-us' (its
  // LANGUAGE_CODE) and navigator.language's 'en-US' would be two audiences on the dashboard.
  it.each([
    ['en-us', 'en-US'],
    ['FR', 'fr'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['fr-FR', 'fr-FR'],
  ])('sends the locale %s in its canonical form %s', (locale, expected) => {
    expect(collectContext(input({ locale })).locale).toBe(expected)
    expect(collectContext(input({ locale, restricted: true })).locale).toBe(expected)
  })

  it('marks an anonymous user as not known', () => {
    const context = collectContext(input({ user: { anonymousId: 'a', traits: {} } }))
    expect(context.user).toEqual({ id: null, anonymousId: 'a', known: false, traits: {} })
  })

  it.each([
    [{ team: 'core' }, { team: 'core' }],
    [() => ({ build: 7 }), { build: 7 }],
    [() => ({ when: new Date(0), skip: () => 1 }), { when: '1970-01-01T00:00:00.000Z' }],
  ])('reads custom context %#', (custom, expected) => {
    expect(collectContext(input({ custom })).custom).toEqual(expected)
  })

  it('takes the app version from a context function too, as from a context object', () => {
    const context = collectContext(
      input({ appVersion: undefined, custom: () => ({ app: { version: '2.4.0' } }) }),
    )
    expect(context.app).toEqual({ version: '2.4.0' })
  })

  it('reports a throwing custom context and sends the event without it', () => {
    const onError = vi.fn()
    const error = new Error('host bug')
    const context = collectContext(
      input({
        custom: () => {
          throw error
        },
        onError,
      }),
    )
    expect(context.custom).toEqual({})
    expect(onError).toHaveBeenCalledWith('context() threw', error)
  })

  // Traits and custom context go with every event: one too large (an avatar as a data URL) made
  // each event too large to send, so every answer was dropped. They are left out, and said.
  it.each([
    ['user.traits', { user: { anonymousId: 'anon', traits: { avatar: 'x'.repeat(9_000) } } }],
    ['context', { custom: () => ({ dump: ['é'.repeat(4_500)] }) }],
  ])('leaves out %s over 8 KB of JSON, and says so', (field, patch) => {
    const onError = vi.fn()
    const context = collectContext(input({ ...patch, onError }))
    expect({ traits: context.user?.traits, custom: context.custom }).toEqual(
      field === 'context' ? { traits: { plan: 'pro' }, custom: {} } : { traits: {}, custom: {} },
    )
    expect(onError).toHaveBeenCalledWith(`${field} over 8 KB: left out of the event`)
  })

  it('keeps traits and custom context of 8 KB', () => {
    const onError = vi.fn()
    const traits = { a: 'x'.repeat(8_000 - '{"a":""}'.length) }
    const context = collectContext(
      input({ user: { anonymousId: 'anon', traits }, custom: traits, onError }),
    )
    expect({ traits: context.user?.traits, custom: context.custom }).toEqual({
      traits,
      custom: traits,
    })
    expect(onError).not.toHaveBeenCalled()
  })
  // An app naming each item viewed (view_item_18342) tracks thousands of names in a long visit;
  // every answer carries the session's events, and one over the outbox's 256 KB batch is
  // dropped as too_large: the answer would be lost for the sake of its context.
  it('sends the most counted of a session’s events, so a long visit’s answer still fits a batch', () => {
    const events: Record<string, number> = {}
    for (let i = 0; i < 20_000; i++) events[`view_item_${100_000 + i}`] = 1
    events.export = 3
    events.search = 2
    const session = { id: 's1', startedAt: 0, lastActivityAt: 90_000, pageViews: 5, events }
    const sent = collectContext(input({ session })).session?.events ?? {}
    expect(JSON.stringify(sent).length).toBeLessThan(8_000)
    expect(sent).toMatchObject({ export: 3, search: 2, view_item_100000: 1 })
  })

  // A link anyone can send may be 2 MB long (Chromium's limit), and the page's address goes in
  // url and path both: whole, it made the answer's event too large for any batch.
  it.each([
    ['a 400,000-character path', `https://app.example.com/app${'/a'.repeat(200_000)}`],
    ['an allow-listed query of 300 KB', `https://app.example.com/search?q=${'x'.repeat(300_000)}`],
    ['a path of escapes cut mid-escape', `https://app.example.com/${'%E2%82%AC'.repeat(50_000)}`],
    ['a path of astral characters', `https://app.example.com/${'😀'.repeat(100_000)}`],
  ])('sends %s cut to 2,000 characters, each a valid URL', (_, href) => {
    const referrer = href
    const title = `Report ${'😀'.repeat(100_000)}`
    const page = { ...input().page, href, referrer, title }
    const sent = collectContext(input({ page, keepQuery: ['q'] })).page ?? {}
    for (const url of [sent.url ?? '', sent.referrer ?? '']) {
      expect(url.length).toBeLessThanOrEqual(2_000)
      expect(new URL(url).href).toBe(url)
      expect(url).not.toMatch(/%[\dA-F]?$/)
    }
    // Cut, not emptied: the address still reads as the page's.
    expect(sent.url?.length).toBeGreaterThan(1_990)
    expect(sent.url?.startsWith('https://app.example.com/')).toBe(true)
    expect(sent.path?.length).toBeLessThanOrEqual(2_000)
    expect(sent.title?.length).toBeLessThanOrEqual(500)
    expect(sent.title?.startsWith('Report 😀')).toBe(true)
    expect(sent.title?.endsWith('😀')).toBe(true)
    expect(JSON.stringify(sent).length).toBeLessThan(12_000)
    const restricted = collectContext(input({ page, restricted: true })).page ?? {}
    expect(restricted.path?.length).toBeLessThanOrEqual(2_000)
  })
})
