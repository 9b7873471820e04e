import {
  createTargetingState,
  historyKey,
  recordCompleted,
  recordEvent,
  recordShown,
  type TargetingState,
} from '@sonde/core'
import { createStore, set } from 'idb-keyval'
import { describe, expect, it } from 'vitest'
import { idbConfigCache } from '../config/configCache'
import { deleteDatabase } from '../test/deleteDatabase'
import { keepConnections } from '../test/keepConnections'
import { persistState } from './persistState'

const state = createTargetingState({ anonymousId: 'a1', sessionId: 's1', now: 0 })

/** `from` with the NPS survey shown at 1 s and answered at 2 s. */
const answeredNps = (from: TargetingState) =>
  recordCompleted(recordShown(from, 'survey', 'nps', 1_000), 'survey', 'nps', 2_000)

describe('Sonde databases deleted by the page', () => {
  it('the display history: the delete is not held up, and the next save is stored', async () => {
    const name = `state-${crypto.randomUUID()}`
    const persistence = persistState(name)
    persistence.save(state)
    expect((await persistence.load())?.session.id).toBe('s1')
    expect(await deleteDatabase(name)).toBe('deleted')
    persistence.save(recordEvent(state, 'export'))
    await persistence.load()
    expect((await persistState(name).load())?.eventCounts).toEqual({ export: 1 })
  })

  it('the config cache: the delete is not held up, and the next write is stored', async () => {
    const name = `config-${crypto.randomUUID()}`
    const cache = idbConfigCache(name)
    const entry = { config: { surveys: [] }, etag: null, fetchedAt: 1 } as never
    await cache.write('/c.json', entry)
    expect(await cache.read('/c.json')).not.toBeNull()
    expect(await deleteDatabase(name)).toBe('deleted')
    await cache.write('/c.json', entry)
    expect(await idbConfigCache(name).read('/c.json')).not.toBeNull()
  })
})

// Safari closes a connection now and then with no `close` event (an app brought back after a
// while in the background): every transaction on it then throws "The database connection is
// closing". The outbox opens its database again (createIdbStore); so must the others.
describe('Sonde databases whose connection the browser closed', () => {
  it('the display history: the next save is stored, and loads go on', async () => {
    const name = `state-${crypto.randomUUID()}`
    const kept = keepConnections()
    try {
      const persistence = persistState(name)
      persistence.save(state)
      await persistence.load()
      expect(kept.closeAll()).toBeGreaterThan(0)
      persistence.save(answeredNps(state))
      expect((await persistence.load())?.history[historyKey('survey', 'nps')]).toMatchObject({
        completedAt: 2_000,
      })
      // What the next page reads: the survey answered is not asked again.
      const stored = await persistState(name).load()
      expect(stored?.history[historyKey('survey', 'nps')]).toMatchObject({ completedAt: 2_000 })
    } finally {
      kept.undo()
    }
  })

  it('the config cache: read and written again', async () => {
    const name = `config-${crypto.randomUUID()}`
    const kept = keepConnections()
    try {
      const cache = idbConfigCache(name)
      const entry = { config: { surveys: [] }, etag: '"v1"', fetchedAt: 1 } as never
      await cache.write('/c.json', entry)
      expect(kept.closeAll()).toBeGreaterThan(0)
      expect(await cache.read('/c.json')).toMatchObject({ etag: '"v1"' })
      await cache.write('/c.json', { ...(entry as object), etag: '"v2"' } as never)
      expect(await idbConfigCache(name).read('/c.json')).toMatchObject({ etag: '"v2"' })
    } finally {
      kept.undo()
    }
  })
})

describe('persistState over a disk that refuses a write', () => {
  // A full disk refuses one write (the outbox, offline, filled the quota), then has room again
  // (back online, the outbox drained): what the visitor does next must be stored, or the survey
  // they answered is asked again on the next page.
  it('a write refused once: the next save is stored', async () => {
    const name = `state-${crypto.randomUUID()}`
    const persistence = persistState(name)
    persistence.save(state)
    await persistence.load()
    const put = IDBObjectStore.prototype.put
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    }
    try {
      persistence.save(recordEvent(state, 'export'))
      await persistence.load()
    } finally {
      IDBObjectStore.prototype.put = put
    }
    persistence.save(answeredNps(state))
    await persistence.load()
    const stored = await persistState(name).load()
    expect(stored?.history[historyKey('survey', 'nps')]).toMatchObject({ completedAt: 2_000 })
  })
})

describe('persistState over a disk that fails a read', () => {
  // A read the disk fails once (Chromium's UnknownError from its backing store, a value it
  // could not read back) is no reason to give the store up: what the visitor does next must
  // still be stored, or the survey they answer is asked again on the next page.
  it('a read failed once: the next save is stored', async () => {
    const name = `state-${crypto.randomUUID()}`
    const earlier = persistState(name)
    earlier.save(state)
    await earlier.load()
    const persistence = persistState(name)
    const get = IDBObjectStore.prototype.get
    IDBObjectStore.prototype.get = () => {
      throw new DOMException('Internal error.', 'UnknownError')
    }
    try {
      expect(await persistence.load()).toBeNull()
    } finally {
      IDBObjectStore.prototype.get = get
    }
    persistence.save(answeredNps(state))
    await persistence.load()
    const stored = await persistState(name).load()
    expect(stored?.history[historyKey('survey', 'nps')]).toMatchObject({ completedAt: 2_000 })
  })
})

describe('a stored state of a shape this Sonde cannot merge (another release, a damaged value)', () => {
  // Before: read as a state, its merge threw, and the store was given up for the page: nothing the
  // visitor did was stored, on this page or any next one, so a survey answered was asked again.
  it.each([
    ['a history of null', { ...state, history: null }],
    ['a display record of null', { ...state, history: { [historyKey('survey', 'nps')]: null } }],
    ['a session without its prompts', { ...state, session: { id: 's1' } }],
  ])('%s: read as none, and replaced by the next save', async (_, stored) => {
    const name = `state-${crypto.randomUUID()}`
    await set('targeting', stored, createStore(name, 'state'))
    const persistence = persistState(name)
    const mine = { state: recordEvent(state, 'export') }
    await persistence.load(mine)
    expect(mine.state.eventCounts).toEqual({ export: 1 })
    persistence.save(answeredNps(mine.state))
    await persistence.load()
    const again = await persistState(name).load()
    expect(again?.history[historyKey('survey', 'nps')]).toMatchObject({
      shown: 1,
      completedAt: 2_000,
    })
    // The session's prompts count on: maxPromptsPerSession still holds (NaN would hold nothing).
    expect(again?.session.prompts).toBe(1)
  })
})

describe('persistState over a long session', () => {
  // An app tracking on every click, scroll or item viewed calls track() thousands of times: a
  // transaction each, the whole state cloned and merged in each, would keep the page's IndexedDB
  // busy for nothing. Saves made while a write is in flight land together in the next one.
  it('a burst of 1,000 saves is stored in a few writes, every event counted', async () => {
    const name = `state-${crypto.randomUUID()}`
    const persistence = persistState(name)
    persistence.save(state)
    await persistence.load()
    const put = IDBObjectStore.prototype.put
    let puts = 0
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
      puts++
      return put.apply(this, args)
    }
    try {
      let next = state
      for (let i = 0; i < 1_000; i++) {
        next = recordEvent(next, 'export')
        persistence.save(next)
        // Each track() is a task of the call queue: a microtask or two after the one before.
        await Promise.resolve()
      }
      await persistence.load()
    } finally {
      IDBObjectStore.prototype.put = put
    }
    expect(puts).toBeLessThanOrEqual(3)
    expect((await persistState(name).load())?.eventCounts).toEqual({ export: 1_000 })
  })
})
