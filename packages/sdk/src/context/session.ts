import { countName } from '@sonde/core'
import type { KeyValue } from './keyValue'

/** The engagement figures of one visit, as sent in `context.session`. */
export interface SessionState {
  id: string
  startedAt: number
  lastActivityAt: number
  pageViews: number
  events: Readonly<Record<string, number>>
}

/** A visit ends after 30 minutes without activity, the convention analytics tools share. */
export const SESSION_TIMEOUT_MS = 30 * 60_000
const KEY = 'session'
const MAX_EVENT_NAMES = 200

/**
 * The current session, shared by the tabs of one origin through `store`, with a page view or a
 * tracked event counted when given; a new one starts when the last activity is older than the
 * timeout. Calling it counts as activity.
 */
export function recordInSession(
  store: KeyValue,
  now: number,
  newId: () => string,
  what?: { pageView: true } | { event: string },
): SessionState {
  const saved = readSession(store)
  const session =
    saved && now - saved.lastActivityAt < SESSION_TIMEOUT_MS && now >= saved.startedAt
      ? { ...saved, lastActivityAt: now }
      : { id: newId(), startedAt: now, lastActivityAt: now, pageViews: 0, events: {} }
  if (what && 'pageView' in what) session.pageViews++
  // The session is read and written at each event, and its 100 most counted names go with each
  // event's context: a new name past the 200th goes uncounted.
  else if (what) session.events = countName(session.events, what.event, MAX_EVENT_NAMES)
  store.set(KEY, JSON.stringify(session))
  return session
}

function readSession(store: KeyValue): SessionState | null {
  try {
    const value = JSON.parse(store.get(KEY) ?? 'null') as Partial<SessionState> | null
    if (
      typeof value?.id === 'string' &&
      typeof value.startedAt === 'number' &&
      typeof value.lastActivityAt === 'number' &&
      typeof value.pageViews === 'number' &&
      typeof value.events === 'object' &&
      value.events !== null
    ) {
      return value as SessionState
    }
  } catch {}
  // Anything unreadable (another version, a hand edit) simply starts a new session.
  return null
}
