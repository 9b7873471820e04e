import { type Batch, createRecord, type OutboxRecord, type SondeEvent } from '@sonde/core'
import { createStore, entries, setMany } from 'idb-keyval'
import { afterEach, describe, expect, it } from 'vitest'
import { createFetchTransport } from './createFetchTransport'
import { type Delivery, startDelivery } from './startDelivery'
import { storeName } from './storeName'

// Issue 3, test 8: a device offline for long enough to hit every cap. The outbox database is
// seeded the way idb-keyval writes it (key `e:<id>`, value `{ v: 1, record }`) with records past
// the TTL, corrupt ones and old valid ones, then 1,000 more events are queued offline.

const DAY = 24 * 60 * 60_000
let n = 0
const event = (): SondeEvent => ({
  id: `evt-${Date.now()}-${++n}-caps`,
  type: 'survey.completed',
  at: new Date().toISOString(),
  surveyId: 'nps-q4',
  responseId: `resp-${n}-caps`,
  seq: 1,
})

function setOnline(value: boolean) {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => value })
  if (value) window.dispatchEvent(new Event('online'))
}

const running: Delivery[] = []
afterEach(() => {
  for (const d of running.splice(0)) d.stop()
  Reflect.deleteProperty(navigator, 'onLine')
})

function receiver() {
  const batches: Batch[] = []
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const batch = JSON.parse(String(init?.body)) as Batch
    batches.push(batch)
    return Response.json({ accepted: batch.events.map((e) => e.id), rejected: [] })
  }
  return { fetch, batches, ids: () => batches.flatMap((b) => b.events.map((e) => e.id)) }
}

describe('caps, TTL and corrupt records in real IndexedDB', () => {
  it('keeps the newest 1,000, removes stale and invalid records, counts every loss', async () => {
    const endpoint = `https://collect.test/${crypto.randomUUID()}`
    const db = createStore(storeName(endpoint), 'outbox')
    const now = Date.now()
    const stored = (record: OutboxRecord): [string, unknown] => [
      `e:${record.event.id}`,
      { v: 1, record },
    ]
    const stale = Array.from({ length: 10 }, (_, i) => ({
      ...createRecord(event(), now - 8 * DAY + i),
      state: 'retry' as const,
      attempts: 4,
    }))
    const old = Array.from({ length: 20 }, (_, i) => createRecord(event(), now - 60 * 60_000 + i))
    // A record of a later version (a newer Sonde's, in the same database) is no loss: kept
    // where it is, for the version that can read it.
    const future: [string, unknown] = ['e:future', { v: 99, record: createRecord(event(), now) }]
    const corrupt: [string, unknown][] = [
      ['e:garbage', 'not a record'],
      ['e:no-id', { v: 1, record: { ...createRecord(event(), now), event: { id: 1 } } }],
      ['e:bad-state', { v: 1, record: { ...createRecord(event(), now), state: 'flying' } }],
      ['e:null', null],
    ]
    await setMany([...stale.map(stored), ...old.map(stored), ...corrupt, future], db)

    setOnline(false)
    const r = receiver()
    const drops: { id: string; reason: string }[] = []
    const delivery = startDelivery({
      endpoint,
      sdkVersion: 'test',
      transport: createFetchTransport(endpoint, { fetch: r.fetch }),
      retryCheckMs: 50,
      onDrop: (e, reason) => drops.push({ id: e.id, reason }),
    })
    running.push(delivery)
    const fresh = Array.from({ length: 1_000 }, () => event())
    for (const e of fresh) expect(await delivery.enqueue(e)).toBe(true)

    // Caps: exactly the newest 1,000 are held, in memory and on disk.
    expect(delivery.pending()).toBe(1_000)
    const keys = (await entries<string, unknown>(db)).map(([key]) => key)
    const recordKeys = keys.filter((key) => key.startsWith('e:') && key !== future[0])
    expect(recordKeys.sort()).toEqual(fresh.map((e) => `e:${e.id}`).sort())
    expect(keys).toContain(future[0])
    const reasons = (reason: string) => drops.filter((d) => d.reason === reason).map((d) => d.id)
    expect(reasons('expired').sort()).toEqual(stale.map((r) => r.event.id).sort())
    expect(reasons('overflow').sort()).toEqual(old.map((r) => r.event.id).sort())
    expect(r.batches).toEqual([])

    // Back online: everything held arrives once, and the first batch reports every loss.
    setOnline(true)
    await expect.poll(() => delivery.pending(), { timeout: 15_000 }).toBe(0)
    expect(r.ids().sort()).toEqual(fresh.map((e) => e.id).sort())
    const lost = stale.length + old.length + corrupt.length
    expect(r.batches[0]?.dropped).toBe(lost)
    expect(r.batches.reduce((sum, b) => sum + (b.dropped ?? 0), 0)).toBe(lost)
    for (const batch of r.batches) expect(batch.events.length).toBeLessThanOrEqual(50)
    // Deletes land shortly after the acks: the outbox database ends up holding only the record
    // of the later version.
    const onDisk = async () =>
      (await entries<string, unknown>(db))
        .filter(([k]) => String(k).startsWith('e:'))
        .map(([k]) => k)
    await expect.poll(onDisk).toEqual([future[0]])
  })
})
