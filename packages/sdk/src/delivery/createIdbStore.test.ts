import 'fake-indexeddb/auto'
import { createRecord, type OutboxRecord, type SondeEvent } from '@sonde/core'
import { createStore, get, set } from 'idb-keyval'
import { describe, expect, it } from 'vitest'
import { createIdbStore } from './createIdbStore'

let n = 0
const event = (): SondeEvent => ({
  id: `evt-0000-${++n}`,
  type: 'survey.completed',
  at: '2026-11-26T10:00:00.000Z',
  surveyId: 'nps-q4',
})
const dbName = () => `test-${++n}`

describe('createIdbStore', () => {
  it('keeps records across reopenings until they are deleted', async () => {
    const name = dbName()
    const a = createRecord(event(), 1_000)
    const b = createRecord(event(), 2_000)
    await createIdbStore({ name }).put([a, b])
    const reopened = createIdbStore({ name })
    expect((await reopened.all()).map((r) => r.event.id).sort()).toEqual(
      [a.event.id, b.event.id].sort(),
    )
    // Counts what was there: another tab may have deleted some first.
    expect(await reopened.delete([a.event.id, 'evt-gone'])).toBe(1)
    expect((await createIdbStore({ name }).all()).map((r) => r.event.id)).toEqual([b.event.id])
  })

  it('adds to a count in one step: no change is lost to another tab’s at the same time', async () => {
    const name = dbName()
    const tabs = [createIdbStore({ name }), createIdbStore({ name })]
    await tabs[0]?.setMeta('dropped', 5)
    const deltas = [1, 2, -1, 3, -4, 1, 1, 2]
    await Promise.all(deltas.map((delta, i) => tabs[i % 2]?.addMeta('dropped', delta)))
    expect(await createIdbStore({ name }).getMeta('dropped')).toBe(10)
    expect(await tabs[1]?.addMeta('dropped', -50)).toBe(0)
  })

  it('keeps the dropped counter beside the records, not among them', async () => {
    const store = createIdbStore({ name: dbName() })
    await store.setMeta('dropped', 3)
    expect(await store.getMeta('dropped')).toBe(3)
    expect(await store.all()).toEqual([])
  })

  it.each([
    ['garbage', 'not a record'],
    ['a version that never was', { v: 0, record: createRecord(event(), 0) }],
    ['a version that is no number', { v: '2', record: createRecord(event(), 0) }],
    ['a broken event', { v: 1, record: { ...createRecord(event(), 0), event: { id: 1 } } }],
    ['a bad state', { v: 1, record: { ...createRecord(event(), 0), state: 'flying' } }],
    // Its delete, once acked, would name another key: it would be read and sent again forever.
    ['a record under the key of another event', { v: 1, record: createRecord(event(), 0) }],
  ])('removes %s on read and hands it over to be counted', async (_, value) => {
    const name = dbName()
    const good = createRecord(event(), 0)
    const store = createIdbStore({ name })
    await store.put([good])
    await set('e:corrupt', value, createStore(name, 'outbox'))
    expect((await store.all()).map((r) => r.event.id)).toEqual([good.event.id])
    // The outbox counts what it takes: counted here as well, it would be reported twice.
    expect(await store.getMeta('dropped')).toBeUndefined()
    expect(store.takeRemoved?.()).toEqual([{ id: 'corrupt', reason: 'corrupt' }])
    expect(store.takeRemoved?.()).toEqual([])
    expect(await store.all()).toHaveLength(1)
  })

  // During a release, tabs of both versions share the database (one with a sonde.js a cache kept):
  // the older one can neither read nor send what the newer one queued, nor lose it.
  it('leaves a record of a later version, queued by a newer Sonde, where it is, unread', async () => {
    const name = dbName()
    const good = createRecord(event(), 0)
    const store = createIdbStore({ name })
    await store.put([good])
    const later = { v: 2, record: { event: { id: 'evt-later' }, shape: 'of tomorrow' } }
    await set('e:evt-later', later, createStore(name, 'outbox'))
    expect((await store.all()).map((r) => r.event.id)).toEqual([good.event.id])
    expect(store.takeRemoved?.()).toEqual([])
    expect(await get('e:evt-later', createStore(name, 'outbox'))).toEqual(later)
  })

  // Two tabs opening at once (a restored session) read the same corrupt record: one loss.
  it('hands a corrupt record read by two tabs at once over to one of them', async () => {
    const name = dbName()
    await set('e:corrupt', 'not a record', createStore(name, 'outbox'))
    const tabs = [createIdbStore({ name }), createIdbStore({ name })]
    await Promise.all(tabs.map((tab) => tab.all()))
    expect(tabs.flatMap((tab) => tab.takeRemoved?.() ?? [])).toEqual([
      { id: 'corrupt', reason: 'corrupt' },
    ])
  })

  // DESIGN: quota-full → memory fallback. Evicting the oldest record to make room lost an answer
  // that memory could still send (and could pick one already on its way, reported both delivered
  // and dropped); the error goes up instead, and the SDK keeps every event in memory.
  it('on a full disk: refuses the write, and removes nothing stored', async () => {
    const name = dbName()
    const store = createIdbStore({ name })
    const at = (queuedAt: number): OutboxRecord => createRecord(event(), queuedAt)
    const [old, mid, fresh] = [at(1_000), at(2_000), at(3_000)]
    await store.put([old, mid])
    const put = IDBObjectStore.prototype.put
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('full', 'QuotaExceededError')
    }
    try {
      await expect(store.put([fresh])).rejects.toThrow('full')
      IDBObjectStore.prototype.put = put
      expect((await store.all()).map((r) => r.queuedAt).sort()).toEqual([1_000, 2_000])
      expect(store.takeRemoved?.()).toEqual([])
    } finally {
      IDBObjectStore.prototype.put = put
    }
  })

  it('never shares idb-keyval’s default database', async () => {
    const store = createIdbStore({ name: dbName() })
    await store.put([createRecord(event(), 0)])
    const names = (await indexedDB.databases()).map((d) => d.name)
    expect(names).not.toContain('keyval-store')
  })
})
