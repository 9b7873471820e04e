import { clipText, measureJson, type UsageContext } from '@sonde/core'
import { keepArrays } from '../keepArrays'
import { safe } from '../runtime/safe'
import { mostCounted } from './mostCounted'
import { redactTitle } from './redactTitle'
import { redactUrl } from './redactUrl'
import type { SessionState } from './session'

/** Everything the usage context is made of, read from the page by the caller. */
export interface ContextInput {
  now: number
  page: { href: string; title: string; referrer: string; enteredAt: number; scrollDepth: number }
  locale: string
  timezone?: string | undefined
  device: NonNullable<UsageContext['device']>
  viewport: { w: number; h: number }
  userAgent: string
  user: { id?: string | undefined; anonymousId: string; traits: Record<string, unknown> }
  session: SessionState
  /** `appVersion` from the options; else `app.version` of the custom context. */
  appVersion?: string | undefined
  custom?: Record<string, unknown> | (() => Record<string, unknown>) | undefined
  /** Query parameters allowed to leave the page. */
  keepQuery: readonly string[]
  /** Global Privacy Control or Do Not Track: nothing beyond path and locale. */
  restricted: boolean
  /**
   * Told about a custom-context function that threw, or traits or custom context left out for
   * their size; the event still goes out without them.
   */
  onError?: (message: string, ...details: unknown[]) => void
}

// Traits and custom context go with every event: one too large (an avatar as a data URL) would
// make each event too large to send, answers and all. 8 KB leaves room for several events in
// the 48 KB the unload path allows.
const MAX_BYTES = 8_000

// A page's address or title past these says nothing more to whoever reads the answers, and a
// link anyone can send may be 2 MB long: whole, it made every event of the page, answers and all,
// too large for any batch.
const MAX_URL = 2_000
const MAX_TITLE = 500

/** How many of a session's event names an event's context names, the most counted first. */
const SESSION_EVENTS = 100

/** The `context` of an event, redacted per the privacy defaults. */
export function collectContext(input: ContextInput): UsageContext {
  // Of the redacted URL: a data: page's path is its document.
  const path = clipUrl(pathOf(redactUrl(input.page.href)))
  // Tags ignore case, segments do not: an app's 'en-us' and the browser's 'en-US' are one locale.
  const locale = safe(() => Intl.getCanonicalLocales(input.locale)[0], undefined) ?? input.locale
  if (input.restricted) return { page: { path }, locale }
  const { page, session, user } = input
  const referrer = page.referrer ? clipUrl(redactUrl(page.referrer)) : ''
  const custom = bounded('context', readCustom(input), input)
  // `context: { app: { version } }` names the app version in either form, object or function.
  const app = custom.app as { version?: unknown } | undefined
  const version = input.appVersion ?? (typeof app?.version === 'string' ? app.version : undefined)
  return {
    page: {
      url: clipUrl(redactUrl(page.href, input.keepQuery)),
      path,
      // What the document names title may be the page's markup, not its title: a visitor's
      // <img name="title"> in a comment shadows the property, and an element here made the
      // receiver refuse every event of the page, answers and all.
      title: typeof page.title === 'string' ? clipText(redactTitle(page.title), MAX_TITLE) : '',
      ...(referrer ? { referrer } : {}),
      timeOnPageMs: Math.max(0, input.now - page.enteredAt),
      scrollDepth: Math.min(1, Math.max(0, page.scrollDepth)),
    },
    locale,
    ...(input.timezone ? { timezone: input.timezone } : {}),
    device: input.device,
    viewport: input.viewport,
    userAgent: input.userAgent,
    user: {
      id: user.id ?? null,
      anonymousId: user.anonymousId,
      known: user.id !== undefined,
      traits: bounded('user.traits', user.traits, input),
    },
    session: {
      id: session.id,
      startedAt: new Date(session.startedAt).toISOString(),
      durationMs: Math.max(0, input.now - session.startedAt),
      pageViews: session.pageViews,
      // The visit's product events, as many as a context can carry: an app naming each item viewed
      // (view_item_18342) counts thousands in a long visit, and an answer whose context passes the
      // outbox's 256 KB batch limit is dropped whole.
      events: mostCounted(session.events, SESSION_EVENTS),
    },
    ...(version ? { app: { version } } : {}),
    custom,
  }
}

// Without an escape cut in half: "%E2%8" would be read back as the text it spells.
function clipUrl(href: string): string {
  const clipped = clipText(href, MAX_URL)
  return clipped === href ? href : clipped.replace(/%[\da-f]?$/i, '')
}

function pathOf(href: string): string {
  try {
    return new URL(href).pathname
  } catch {
    return ''
  }
}

function readCustom({ custom, onError }: ContextInput): Record<string, unknown> {
  if (!custom) return {}
  try {
    const value = typeof custom === 'function' ? custom() : custom
    // Only plain data survives the trip to IndexedDB and JSON; anything else is left out. The
    // wire takes an object: an array (a host's dataLayer) or a Date, whose JSON is a string,
    // would have the receiver refuse the event, answers and all.
    const copy: unknown =
      value && typeof value === 'object' ? JSON.parse(JSON.stringify(value, keepArrays)) : null
    return copy && typeof copy === 'object' && !Array.isArray(copy)
      ? (copy as Record<string, unknown>)
      : {}
  } catch (error) {
    onError?.('context() threw', error)
    return {}
  }
}

function bounded<T extends Record<string, unknown>>(
  field: string,
  value: T,
  { onError }: ContextInput,
): T | Record<string, never> {
  if (measureJson(value) <= MAX_BYTES) return value
  onError?.(`${field} over 8 KB: left out of the event`)
  return {}
}
