import type { Batch, SondeEvent } from '@sonde/core'
import { createStore, entries } from 'idb-keyval'
import { afterEach, describe, expect, it } from 'vitest'
import { createFetchTransport } from './createFetchTransport'
import { type Delivery, startDelivery } from './startDelivery'
import { storeName } from './storeName'

// Issue 3, test 4: a receiver with a body limit answers 413; the outbox splits the batch until it
// fits and dead-letters an event too big to fit alone, counting it in the next batch's `dropped`.
// The real fetch transport and the real IndexedDB store are used; only `fetch` is a stand-in.

let n = 0
const event = (reason = 'x'.repeat(3_000)): SondeEvent => ({
  id: `evt-${Date.now()}-${++n}-split`,
  type: 'survey.dismissed',
  at: new Date().toISOString(),
  surveyId: 'csat-ticket',
  reason,
})

interface Seen {
  batch: Batch
  bytes: number
  status: number
}

// An endpoint that refuses bodies over `limitBytes` with 413 and acks the others.
function limitedReceiver(limitBytes: number) {
  const seen: Seen[] = []
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const body = String(init?.body)
    const bytes = new Blob([body]).size
    const batch = JSON.parse(body) as Batch
    const status = bytes > limitBytes ? 413 : 200
    seen.push({ batch, bytes, status })
    if (status !== 200) return new Response(null, { status })
    const accepted = batch.events.map((e) => e.id)
    return Response.json({ accepted, rejected: [] })
  }
  const acked = () => seen.filter((s) => s.status === 200).flatMap((s) => s.batch.events)
  return { fetch, seen, acked }
}

// The page's connectivity, as the SDK reads it; `online` fires when it comes back.
function setOnline(value: boolean) {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => value })
  if (value) window.dispatchEvent(new Event('online'))
}

const running: Delivery[] = []
afterEach(() => {
  for (const d of running.splice(0)) d.stop()
  Reflect.deleteProperty(navigator, 'onLine')
})

function start(limitBytes: number) {
  const endpoint = `https://collect.test/${crypto.randomUUID()}`
  const receiver = limitedReceiver(limitBytes)
  const drops: { id: string; reason: string }[] = []
  const delivery = startDelivery({
    endpoint,
    sdkVersion: 'test',
    transport: createFetchTransport(endpoint, { fetch: receiver.fetch }),
    retryCheckMs: 50,
    onDrop: (e, reason) => drops.push({ id: e.id, reason }),
  })
  running.push(delivery)
  return { endpoint, receiver, drops, delivery }
}

const storedIds = async (endpoint: string) => {
  const rows = await entries<string, unknown>(createStore(storeName(endpoint), 'outbox'))
  return rows.map(([key]) => key).filter((key) => key.startsWith('e:'))
}

describe('413 from the receiver', () => {
  it('splits the batch until it fits and dead-letters a single event that never fits', async () => {
    setOnline(false)
    const { endpoint, receiver, drops, delivery } = start(12_000)
    const small = Array.from({ length: 10 }, () => event())
    const huge = event('y'.repeat(20_000))
    // Queued offline, so that they leave together in one ~52 KB batch.
    for (const e of small.slice(0, 5)) expect(await delivery.enqueue(e)).toBe(true)
    expect(await delivery.enqueue(huge)).toBe(true)
    for (const e of small.slice(5)) expect(await delivery.enqueue(e)).toBe(true)
    expect(receiver.seen).toEqual([])

    setOnline(true)
    await expect.poll(() => delivery.pending(), { timeout: 5_000 }).toBe(0)

    const first = receiver.seen[0]
    expect(first?.status).toBe(413)
    expect(first?.batch.events).toHaveLength(11)
    // Every small event arrives exactly once, in requests under the receiver's limit.
    const acked = receiver.acked().map((e) => e.id)
    expect([...acked].sort()).toEqual(small.map((e) => e.id).sort())
    for (const s of receiver.seen.filter((s) => s.status === 200))
      expect(s.bytes).toBeLessThanOrEqual(12_000)
    // The oversized event was sent alone once, refused, and dropped with a reason.
    const alone = receiver.seen.filter((s) => s.batch.events.length === 1 && s.status === 413)
    expect(alone.map((s) => s.batch.events[0]?.id)).toEqual([huge.id])
    expect(drops).toEqual([{ id: huge.id, reason: 'too_large' }])
    // The batch after the drop tells the receiver about it; then the count is settled.
    const after = receiver.seen.slice(receiver.seen.indexOf(alone[0] as Seen) + 1)
    expect(after[0]?.batch.dropped).toBe(1)
    const next = event()
    await delivery.enqueue(next)
    await expect.poll(() => receiver.acked().some((e) => e.id === next.id)).toBe(true)
    expect(receiver.seen.at(-1)?.batch.dropped).toBe(0)
    await expect.poll(() => storedIds(endpoint)).toEqual([])
  })

  it('drops an event over the batch limit at enqueue and reports it in the next batch', async () => {
    const { endpoint, receiver, drops, delivery } = start(1_000_000)
    const giant = event('z'.repeat(300_000))
    expect(await delivery.enqueue(giant)).toBe(false)
    expect(drops).toEqual([{ id: giant.id, reason: 'too_large' }])
    expect(await storedIds(endpoint)).toEqual([])
    const next = event()
    expect(await delivery.enqueue(next)).toBe(true)
    await expect.poll(() => receiver.acked().map((e) => e.id)).toEqual([next.id])
    expect(receiver.seen.map((s) => s.batch.dropped)).toEqual([1])
    expect(receiver.seen.some((s) => s.batch.events.some((e) => e.id === giant.id))).toBe(false)
  })
})
