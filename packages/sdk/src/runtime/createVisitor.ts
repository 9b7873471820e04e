import type { KeyValue } from '../context/keyValue'
import { recordInSession, type SessionState } from '../context/session'
import { uuidv7 } from '../uuidv7'

export interface Visitor {
  /** The stored anonymous id, or a new one (stored). */
  anonymousId(): string
  /** The current visit, touched, with a page view or an event counted when given. */
  session(what?: { pageView: true } | { event: string }): SessionState
}

/**
 * Who is visiting, kept in `kv()`: read at each call, since consent can switch the store. Every
 * call that may start a new visit goes through `onSession`, so targeting moves to it with the wire.
 */
export function createVisitor(
  kv: () => KeyValue,
  onSession: (session: SessionState) => SessionState,
): Visitor {
  return {
    anonymousId() {
      const saved = kv().get('anon')
      if (saved) return saved
      const id = uuidv7()
      kv().set('anon', id)
      return id
    },
    session: (what) => onSession(recordInSession(kv(), Date.now(), uuidv7, what)),
  }
}
