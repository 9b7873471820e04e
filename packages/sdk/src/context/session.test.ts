import { describe, expect, it } from 'vitest'
import { memoryKeyValue } from './keyValue'
import { recordInSession, SESSION_TIMEOUT_MS } from './session'

const ids = () => {
  let n = 0
  return () => `s${++n}`
}

describe('session', () => {
  it('keeps one session while active and rolls over after 30 idle minutes', () => {
    const store = memoryKeyValue()
    const newId = ids()
    const first = recordInSession(store, 1_000, newId)
    expect(recordInSession(store, 1_000 + SESSION_TIMEOUT_MS - 1, newId).id).toBe(first.id)
    const later = 1_000 + 2 * SESSION_TIMEOUT_MS
    const next = recordInSession(store, later, newId)
    expect(next).toEqual({
      id: 's2',
      startedAt: later,
      lastActivityAt: later,
      pageViews: 0,
      events: {},
    })
  })

  it('counts page views and events per session', () => {
    const store = memoryKeyValue()
    const newId = ids()
    recordInSession(store, 0, newId, { pageView: true })
    recordInSession(store, 10, newId, { pageView: true })
    recordInSession(store, 20, newId, { event: 'export_completed' })
    const s = recordInSession(store, 30, newId, { event: 'export_completed' })
    expect(s).toMatchObject({
      id: 's1',
      pageViews: 2,
      events: { export_completed: 2 },
      startedAt: 0,
    })
  })

  it.each(['not json', '{"id":3}', 'null', '[]'])(
    'starts afresh from a corrupt record %s',
    (raw) => {
      const store = memoryKeyValue()
      store.set('session', raw)
      expect(recordInSession(store, 5, ids()).id).toBe('s1')
    },
  )

  it('starts afresh when the clock went backwards', () => {
    const store = memoryKeyValue()
    const newId = ids()
    recordInSession(store, 10_000, newId)
    expect(recordInSession(store, 5_000, newId).id).toBe('s2')
  })

  // Event names are the host's: one that names an Object.prototype member counts like any other.
  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    'counts an event named %s',
    (name) => {
      const store = memoryKeyValue()
      const newId = ids()
      recordInSession(store, 0, newId, { event: name })
      const s = recordInSession(store, 10, newId, { event: name })
      expect(JSON.parse(JSON.stringify(s.events))).toEqual({ [name]: 2 })
    },
  )
  // Each track() reads and writes the session in localStorage: with every name an app made up
  // (view_item_18342) kept, a long visit's session grew to tens of KB, parsed and written again
  // at each event and page view (7 ms a time at 3,000 names), on the page's main thread.
  it('keeps at most 200 event names a session; those it has go on counting', () => {
    const store = memoryKeyValue()
    const newId = ids()
    recordInSession(store, 0, newId, { event: 'export' })
    for (let i = 0; i < 5_000; i++) recordInSession(store, 1, newId, { event: `view_item_${i}` })
    const session = recordInSession(store, 2, newId, { event: 'export' })
    expect(Object.keys(session.events)).toHaveLength(200)
    expect(session.events.export).toBe(2)
    expect(store.get('session')?.length).toBeLessThan(6_000)
  })
})
