import { describe, expect, it } from 'vitest'
import type { Batch } from '../schema/batch'
import type { SondeEvent } from '../schema/event'
import { createMemoryStore } from './createMemoryStore'
import { createOutbox } from './createOutbox'
import { createRecord } from './createRecord'
import type { OutboxOptions, OutboxRecord, SendOptions, Store, TransportResult } from './types'

const T0 = Date.parse('2025-03-01T12:00:00Z')
const sdk = { name: 'sonde', version: '1.2.3' }

const event = (n: number, extra: Partial<SondeEvent> = {}): SondeEvent => ({
  id: `evt-${String(n).padStart(6, '0')}`,
  type: 'survey.completed',
  at: '2025-03-01T12:00:00.000Z',
  surveyId: 'nps-q4',
  answers: [{ questionId: 'score', value: 9 }],
  ...extra,
})

type Reply = TransportResult | ((batch: Batch) => TransportResult | Promise<TransportResult>)

/** An outbox over a memory store, a settable clock and a scripted transport. */
function setup(options: Partial<OutboxOptions> & { replies?: Reply[]; store?: Store } = {}) {
  const clock = { time: T0, now: () => clock.time }
  const store = options.store ?? createMemoryStore()
  const calls: { batch: Batch; options: SendOptions }[] = []
  const replies = options.replies ?? []
  let batchCount = 0
  const drops: string[] = []
  const outbox = createOutbox({
    store,
    clock,
    key: 'pk_demo',
    sdk,
    newId: () => `batch-${++batchCount}`,
    random: () => 0.5,
    onDrop: (e, reason) => drops.push(`${e.id}:${reason}`),
    transport: {
      async send(batch, sendOptions) {
        calls.push({ batch, options: sendOptions })
        const reply = replies.shift() ?? { status: 200 }
        return typeof reply === 'function' ? reply(batch) : reply
      },
    },
    ...options,
  })
  const sentIds = () => calls.map(({ batch }) => batch.events.map((e) => e.id))
  const stored = async () => (await store.all()).sort((a, b) => a.queuedAt - b.queuedAt)
  return { outbox, clock, store, calls, replies, drops, sentIds, stored }
}

const enqueueAll = async (outbox: { enqueue(e: SondeEvent): Promise<boolean> }, count: number) => {
  for (let n = 1; n <= count; n++) await outbox.enqueue(event(n))
}

const deferred = <T>() => {
  let resolve: (value: T) => void = () => {}
  const promise = new Promise<T>((done) => {
    resolve = done
  })
  return { promise, resolve }
}

describe('createOutbox: write-ahead', () => {
  it('stores an event before enqueue resolves', async () => {
    const { outbox, stored, calls } = setup()
    expect(await outbox.enqueue(event(1))).toBe(true)
    expect((await stored()).map((r) => r.event)).toEqual([event(1)])
    expect(outbox.pending()).toBe(1)
    expect(calls).toEqual([])
  })

  // The page may close before the read of the store ends (a full outbox on a slow phone): an
  // event queued meanwhile must be on disk by then, not wait for that read to be written.
  it('stores an event at once while the store is still being read', async () => {
    const memory = createMemoryStore()
    const gate = deferred<void>()
    const all = async () => {
      await gate.promise
      return memory.all()
    }
    const { outbox } = setup({ store: { ...memory, all } })
    const stored = outbox.enqueue(event(1))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect((await memory.all()).map((r) => r.event.id)).toEqual(['evt-000001'])
    gate.resolve()
    expect(await stored).toBe(true)
    expect(outbox.pending()).toBe(1)
  })

  it('says stored even when a flush delivered the event before its write returned', async () => {
    const memory = createMemoryStore()
    const gate = deferred<void>()
    const store: Store = {
      ...memory,
      put: async (records) => {
        await memory.put(records)
        await gate.promise
      },
    }
    const { outbox, sentIds } = setup({ store, exclusive: () => true })
    const stored = outbox.enqueue(event(1))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(await outbox.flush()).toEqual({ sent: 1, pending: 0 })
    gate.resolve()
    expect(await stored).toBe(true)
    expect(sentIds()).toEqual([['evt-000001']])
  })

  it('sends the batch envelope of the wire contract, then forgets the acked events', async () => {
    const { outbox, calls, stored } = setup()
    await enqueueAll(outbox, 2)
    expect(await outbox.flush()).toEqual({ sent: 2, pending: 0 })
    expect(calls).toEqual([
      {
        batch: {
          schema: 'sonde.batch/1',
          batchId: 'batch-1',
          sentAt: '2025-03-01T12:00:00.000Z',
          key: 'pk_demo',
          sdk,
          dropped: 0,
          events: [event(1), event(2)],
        },
        options: { unload: false },
      },
    ])
    expect(await stored()).toEqual([])
  })

  it('leaves the key out when there is none', async () => {
    const { outbox, calls } = setup({ key: undefined })
    await enqueueAll(outbox, 1)
    await outbox.flush()
    expect('key' in (calls[0]?.batch ?? {})).toBe(false)
  })

  it('finds the events of a previous page load in the store', async () => {
    const store = createMemoryStore()
    const first = setup({ store, replies: [{ status: 503 }] })
    await enqueueAll(first.outbox, 3)
    const second = setup({ store })
    expect(await second.outbox.flush({ ignoreBackoff: true })).toEqual({ sent: 3, pending: 0 })
    expect(second.sentIds()).toEqual([['evt-000001', 'evt-000002', 'evt-000003']])
  })

  it('ready() resolves once the stored records are read: an unload flush then has them', async () => {
    const memory = createMemoryStore()
    await memory.put([createRecord(event(1), T0), createRecord(event(2), T0)])
    const gate = deferred<void>()
    const all = async () => {
      await gate.promise
      return memory.all()
    }
    const store: Store = { ...memory, all }
    const { outbox, sentIds } = setup({ store })
    let ready = false
    void outbox.ready().then(() => {
      ready = true
    })
    await Promise.resolve()
    expect([ready, outbox.pending()]).toEqual([false, 0])
    expect(await outbox.flush({ unload: true })).toEqual({ sent: 0, pending: 0 })
    gate.resolve()
    await outbox.ready()
    expect(outbox.pending()).toBe(2)
    await outbox.flush({ unload: true })
    expect(sentIds()).toEqual([['evt-000001', 'evt-000002']])
  })

  it('ready() resolves when the store cannot be read, too', async () => {
    const store: Store = {
      ...createMemoryStore(),
      all: () => Promise.reject(new Error('gone')),
      getMeta: () => Promise.reject(new Error('gone')),
    }
    const { outbox } = setup({ store })
    await expect(outbox.ready()).resolves.toBeUndefined()
  })

  it('sends nothing when nothing is due', async () => {
    const { outbox, calls } = setup()
    expect(await outbox.flush()).toEqual({ sent: 0, pending: 0 })
    expect(calls).toEqual([])
  })
})

describe('createOutbox: batching', () => {
  it.each([
    [1, [1]],
    [50, [50]],
    [120, [50, 50, 20]],
  ])('sends %i events in batches of %j, oldest first', async (count, sizes) => {
    const { outbox, calls, clock } = setup()
    for (let n = 1; n <= count; n++) {
      clock.time += 1
      await outbox.enqueue(event(n))
    }
    expect(await outbox.flush()).toEqual({ sent: count, pending: 0 })
    expect(calls.map(({ batch }) => batch.events.length)).toEqual(sizes)
    const order = calls.flatMap(({ batch }) => batch.events.map((e) => e.id))
    expect(order).toEqual(Array.from({ length: count }, (_, n) => event(n + 1).id))
    expect(new Set(calls.map(({ batch }) => batch.batchId)).size).toBe(calls.length)
  })

  it('keeps every batch within the byte limit', async () => {
    const { outbox, calls } = setup({ limits: { maxBatchBytes: 5000 } })
    for (let n = 1; n <= 10; n++) await outbox.enqueue(event(n, { reason: 'é'.repeat(600) }))
    await outbox.flush()
    expect(calls.length).toBeGreaterThan(2)
    for (const { batch } of calls) {
      expect(Buffer.byteLength(JSON.stringify(batch))).toBeLessThanOrEqual(5000)
    }
  })

  it('drops an event too large for any batch when it is enqueued', async () => {
    const { outbox, drops, stored } = setup({ limits: { maxBatchBytes: 2000 } })
    expect(await outbox.enqueue(event(1, { reason: 'x'.repeat(3000) }))).toBe(false)
    expect(drops).toEqual(['evt-000001:too_large'])
    expect(outbox.dropped()).toBe(1)
    expect(await stored()).toEqual([])
  })

  it('drops at flush an event that only the envelope makes too large', async () => {
    const { outbox, drops, calls } = setup({ limits: { maxBatchBytes: 1000 } })
    await outbox.enqueue(event(1, { reason: 'x'.repeat(850) }))
    await outbox.enqueue(event(2))
    expect(await outbox.flush()).toEqual({ sent: 1, pending: 0 })
    expect(drops).toEqual(['evt-000001:too_large'])
    expect(calls[0]?.batch.events.map((e) => e.id)).toEqual(['evt-000002'])
  })
})

describe('createOutbox: retries', () => {
  it.each<[string, Reply]>([
    ['a network error', { error: 'network' }],
    ['a timeout', { error: 'timeout' }],
    ['408', { status: 408 }],
    ['425', { status: 425 }],
    ['429', { status: 429 }],
    ['500', { status: 500 }],
    ['503', { status: 503 }],
    [
      'a transport that rejects',
      () => {
        throw new Error('offline')
      },
    ],
  ])('retries after %s with backoff, with the same event ids', async (_, reply) => {
    const { outbox, calls, clock, stored } = setup({ replies: [reply, reply] })
    await enqueueAll(outbox, 2)
    expect(await outbox.flush()).toEqual({ sent: 0, pending: 2 })
    expect((await stored()).map((r) => [r.state, r.attempts, r.nextAttemptAt - T0])).toEqual([
      ['retry', 1, 500],
      ['retry', 1, 500],
    ])
    clock.time = T0 + 499
    await outbox.flush()
    expect(calls).toHaveLength(1)
    clock.time = T0 + 500
    await outbox.flush()
    // The second failure doubles the backoff ceiling: 0.5 · 2000.
    expect((await stored()).map((r) => r.nextAttemptAt - clock.time)).toEqual([1000, 1000])
    clock.time += 1000
    expect(await outbox.flush()).toEqual({ sent: 2, pending: 0 })
    expect(calls).toHaveLength(3)
    expect(calls.map(({ batch }) => batch.events)).toEqual([
      [event(1), event(2)],
      [event(1), event(2)],
      [event(1), event(2)],
    ])
    expect(calls.map(({ batch }) => batch.batchId)).toEqual(['batch-1', 'batch-2', 'batch-3'])
  })

  it('retries after a transport that throws synchronously', async () => {
    const { outbox } = setup({
      transport: {
        send() {
          throw new Error('boom')
        },
      },
    })
    await enqueueAll(outbox, 1)
    expect(await outbox.flush()).toEqual({ sent: 0, pending: 1 })
  })

  it('stops sending batches after a failure', async () => {
    const { outbox, calls } = setup({ replies: [{ status: 503 }] })
    await enqueueAll(outbox, 120)
    expect(await outbox.flush()).toEqual({ sent: 0, pending: 120 })
    expect(calls).toHaveLength(1)
  })

  it('sends records waiting out a backoff when told to ignore it', async () => {
    const { outbox, calls } = setup({ replies: [{ error: 'network' }] })
    await enqueueAll(outbox, 1)
    await outbox.flush()
    expect(await outbox.flush({ ignoreBackoff: true })).toEqual({ sent: 1, pending: 0 })
    expect(calls).toHaveLength(2)
  })

  it.each([
    ['seconds', '120'],
    ['an HTTP-date', 'Sat, 01 Mar 2025 12:02:00 GMT'],
  ])('honours Retry-After in %s, even when backoff is ignored', async (_, retryAfter) => {
    const { outbox, calls, clock } = setup({ replies: [{ status: 429, retryAfter }] })
    await enqueueAll(outbox, 1)
    await outbox.flush()
    clock.time = T0 + 119_999
    await outbox.enqueue(event(2))
    expect(await outbox.flush({ ignoreBackoff: true })).toEqual({ sent: 0, pending: 2 })
    expect(await outbox.flush({ unload: true, ignoreBackoff: true })).toEqual({
      sent: 0,
      pending: 2,
    })
    expect(calls).toHaveLength(1)
    clock.time = T0 + 120_000
    expect(await outbox.flush()).toEqual({ sent: 2, pending: 0 })
    expect(calls.map(({ batch }) => batch.events.length)).toEqual([1, 2])
  })

  // The SDK flushes with ignoreBackoff at every page start, when back online and when a tab
  // becomes visible: a Retry-After kept by the page it answered would be ignored by all of them.
  it.each([
    ['a page opened after it', false],
    ['a tab already open', true],
  ])('honours a Retry-After given to another page in %s', async (_, openBefore) => {
    const store = createMemoryStore()
    const other = openBefore ? setup({ store }) : null
    if (other) await other.outbox.ready()
    const first = setup({ store, replies: [{ status: 429, retryAfter: '3600' }] })
    await enqueueAll(first.outbox, 1)
    await first.outbox.flush()
    const next = other ?? setup({ store })
    next.clock.time = T0 + 5_000
    await next.outbox.flush({ ignoreBackoff: true })
    await next.outbox.ready()
    expect(await next.outbox.flush({ unload: true, ignoreBackoff: true })).toEqual({
      sent: 0,
      pending: 1,
    })
    expect(next.calls).toEqual([])
    next.clock.time = T0 + 3_600_000
    expect(await next.outbox.flush()).toEqual({ sent: 1, pending: 0 })
  })

  it('ignores a stored Retry-After further off than it obeys: the clock was set back', async () => {
    const store = createMemoryStore()
    const first = setup({ store, replies: [{ status: 429, retryAfter: '3600' }] })
    await enqueueAll(first.outbox, 1)
    await first.outbox.flush()
    const obeying = setup({ store })
    obeying.clock.time = T0 + 5_000
    expect(await obeying.outbox.flush({ ignoreBackoff: true })).toEqual({ sent: 0, pending: 1 })
    const setBack = setup({ store })
    setBack.clock.time = T0 - 24 * 3_600_000
    expect(await setBack.outbox.flush({ ignoreBackoff: true })).toEqual({ sent: 1, pending: 0 })
  })

  it('obeys a new Retry-After while a stale one, from before the clock was set back, is stored', async () => {
    const store = createMemoryStore()
    await store.setMeta('notBefore', T0 + 48 * 3_600_000)
    const tab = setup({ store, replies: [{ status: 429, retryAfter: '600' }] })
    await enqueueAll(tab.outbox, 1)
    await tab.outbox.flush()
    expect(tab.calls).toHaveLength(1)
    const next = setup({ store })
    next.clock.time = T0 + 60_000
    expect(await next.outbox.flush({ ignoreBackoff: true })).toEqual({ sent: 0, pending: 1 })
  })

  // A clock set back leaves the times records were given ahead of it: the retry timer, which
  // keeps to backoffs, would hold them until the clock caught up (a day here).
  it.each([
    ['waiting out a backoff', true],
    ['never sent yet', false],
  ])('sends a record %s at once when the clock was set back', async (_, failed) => {
    const { outbox, clock, calls } = setup({ replies: failed ? [{ error: 'network' }] : [] })
    await enqueueAll(outbox, 1)
    if (failed) await outbox.flush()
    clock.time = T0 - 24 * 3_600_000
    expect(await outbox.flush()).toMatchObject({ pending: 0 })
    expect(calls).toHaveLength(failed ? 2 : 1)
  })

  it('drops a record after maxAttempts failed sends', async () => {
    const reply = { status: 500 }
    const { outbox, clock, drops } = setup({ limits: { maxAttempts: 2 }, replies: [reply, reply] })
    await enqueueAll(outbox, 1)
    await outbox.flush()
    clock.time += 60_000
    expect(await outbox.flush()).toEqual({ sent: 0, pending: 0 })
    expect(drops).toEqual(['evt-000001:max_attempts'])
    expect(outbox.dropped()).toBe(1)
  })
})

describe('createOutbox: refusals', () => {
  it('splits a batch the receiver finds too large (413), keeping the order', async () => {
    const { outbox, sentIds } = setup({
      replies: Array.from({ length: 10 }, () => (batch: Batch) => ({
        status: batch.events.length > 2 ? 413 : 200,
      })),
    })
    await enqueueAll(outbox, 5)
    expect(await outbox.flush()).toEqual({ sent: 5, pending: 0 })
    expect(sentIds().map((ids) => ids.map((id) => Number(id.slice(4))))).toEqual([
      [1, 2, 3, 4, 5],
      [1, 2, 3],
      [1, 2],
      [3],
      [4, 5],
    ])
  })

  it('drops a single event the receiver finds too large, and reports it once', async () => {
    const { outbox, drops, calls, store } = setup({ replies: [{ status: 413 }] })
    await enqueueAll(outbox, 1)
    expect(await outbox.flush()).toEqual({ sent: 0, pending: 0 })
    expect(drops).toEqual(['evt-000001:too_large'])
    expect(outbox.dropped()).toBe(1)
    expect(await store.getMeta('dropped')).toBe(1)
    await outbox.enqueue(event(2))
    await outbox.flush()
    expect(calls[1]?.batch.dropped).toBe(1)
    expect(outbox.dropped()).toBe(0)
    expect(await store.getMeta('dropped')).toBe(0)
  })

  // A 400 or 422 refuses what the batch carries, which may be one event of fifty (a third-party
  // receiver with stricter rules): halves are sent until the refused event is alone, and only it
  // is dropped, as DESIGN's "other 4xx drop the event" says.
  it.each([400, 422])(
    'on %i, drops only the event refused, delivering the others',
    async (status) => {
      const { outbox, drops, sentIds } = setup({
        replies: Array.from({ length: 10 }, () => (batch: Batch) => ({
          status: batch.events.some((e) => e.id === 'evt-000002') ? status : 200,
        })),
      })
      await enqueueAll(outbox, 4)
      expect(await outbox.flush()).toEqual({ sent: 3, pending: 0 })
      expect(drops).toEqual([`evt-000002:http_${status}`])
      expect(sentIds().map((ids) => ids.map((id) => Number(id.slice(4))))).toEqual([
        [1, 2, 3, 4],
        [1, 2],
        [1],
        [2],
        [3, 4],
      ])
    },
  )

  it.each([401, 403, 404, 410])('drops the batch on %i, and reports it', async (status) => {
    const { outbox, drops, calls } = setup({ replies: [{ status }] })
    await enqueueAll(outbox, 2)
    expect(await outbox.flush()).toEqual({ sent: 0, pending: 0 })
    expect(drops).toEqual([`evt-000001:http_${status}`, `evt-000002:http_${status}`])
    await outbox.enqueue(event(3))
    await outbox.flush()
    expect(calls.map(({ batch }) => batch.dropped)).toEqual([0, 2])
    expect(outbox.dropped()).toBe(0)
  })

  it('reports a drop made while a batch was in flight with the next batch', async () => {
    const gate = deferred<TransportResult>()
    const { outbox, calls } = setup({
      limits: { maxBatchBytes: 2000 },
      replies: [() => gate.promise],
    })
    await enqueueAll(outbox, 1)
    const running = outbox.flush()
    await new Promise((resolve) => setTimeout(resolve, 0))
    await outbox.enqueue(event(2, { reason: 'x'.repeat(3000) }))
    gate.resolve({ status: 200 })
    expect(await running).toEqual({ sent: 1, pending: 0 })
    expect(outbox.dropped()).toBe(1)
    await outbox.enqueue(event(3))
    await outbox.flush()
    expect(calls.map(({ batch }) => batch.dropped)).toEqual([0, 1])
    expect(outbox.dropped()).toBe(0)
  })

  it('acks, drops and retries per event from the reply', async () => {
    const { outbox, drops, stored, clock, sentIds } = setup({
      replies: [
        {
          status: 200,
          body: {
            accepted: ['evt-000001'],
            rejected: [{ id: 'evt-000002', reason: 'invalid_answer' }],
          },
        },
        { status: 200, body: { accepted: ['evt-000003'], rejected: [] } },
      ],
    })
    await enqueueAll(outbox, 3)
    expect(await outbox.flush()).toEqual({ sent: 1, pending: 1 })
    expect(drops).toEqual(['evt-000002:invalid_answer'])
    expect((await stored()).map((r) => [r.event.id, r.state, r.attempts])).toEqual([
      ['evt-000003', 'retry', 1],
    ])
    clock.time += 1000
    expect(await outbox.flush()).toEqual({ sent: 1, pending: 0 })
    expect(sentIds()).toEqual([['evt-000001', 'evt-000002', 'evt-000003'], ['evt-000003']])
  })
})

describe('createOutbox: caps', () => {
  it('evicts the oldest beyond maxItems, and counts them', async () => {
    const { outbox, drops, stored, clock } = setup({ limits: { maxItems: 3 } })
    for (let n = 1; n <= 5; n++) {
      clock.time += 1
      await outbox.enqueue(event(n))
    }
    expect(outbox.pending()).toBe(3)
    expect(outbox.dropped()).toBe(2)
    expect(drops).toEqual(['evt-000001:overflow', 'evt-000002:overflow'])
    expect((await stored()).map((r) => r.event.id)).toEqual([
      'evt-000003',
      'evt-000004',
      'evt-000005',
    ])
  })

  it.each([
    ['this tab', true],
    ['another tab, which leased them', false],
  ])('leaves alone records on their way to the receiver, sent by %s', async (_, sameTab) => {
    const store = createMemoryStore()
    const gate = deferred<TransportResult>()
    const limits = { maxItems: 2 }
    const sender = setup({ store, limits, replies: [() => gate.promise], exclusive: () => sameTab })
    await enqueueAll(sender.outbox, 2)
    const sending = sender.outbox.flush()
    await new Promise((resolve) => setTimeout(resolve, 0))
    const other = sameTab ? sender : setup({ store, limits })
    // Over maxItems: the oldest would go, and it is in flight.
    await other.outbox.enqueue(event(3))
    const next = other.outbox.flush()
    await new Promise((resolve) => setTimeout(resolve, 0))
    gate.resolve({ status: 200 })
    await Promise.all([sending, next])
    await sender.outbox.flush()
    const tabs = sameTab ? [sender] : [sender, other]
    const batches = tabs.flatMap((tab) => tab.calls.map(({ batch }) => batch))
    expect(batches.flatMap((batch) => batch.events.map((e) => e.id)).sort()).toEqual(
      [1, 2, 3].map((n) => event(n).id),
    )
    expect(batches.map((batch) => batch.dropped)).toEqual([0, 0])
    expect(tabs.flatMap((tab) => tab.drops)).toEqual([])
  })

  // The SDK's usual case: the sending tab holds the Web Lock and leases nothing.
  it('leaves alone what the one sender may have in flight: its next run applies the caps', async () => {
    const store = createMemoryStore()
    const gate = deferred<TransportResult>()
    const limits = { maxItems: 2 }
    const sender = setup({ store, limits, replies: [() => gate.promise], exclusive: () => true })
    await enqueueAll(sender.outbox, 2)
    const other = setup({ store, limits })
    await other.outbox.ready()
    const sending = sender.outbox.flush()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(await other.outbox.enqueue(event(3))).toBe(true)
    gate.resolve({ status: 200 })
    await sending
    expect(await store.getMeta('sending')).toBe(0)
    await sender.outbox.flush()
    expect(sender.sentIds()).toEqual([[event(1).id, event(2).id], [event(3).id]])
    expect(sender.calls.map(({ batch }) => batch.dropped)).toEqual([0, 0])
    expect([...sender.drops, ...other.drops]).toEqual([])
  })

  it.each([
    ['ended', T0 - 1],
    ['further off than a lease (a clock set back)', T0 + 61_000],
  ])('evicts when the sender mark has %s', async (_, until) => {
    const store = createMemoryStore()
    await store.setMeta('sending', until)
    const { outbox, drops } = setup({ store, limits: { maxItems: 1 } })
    await enqueueAll(outbox, 2)
    expect(drops).toEqual(['evt-000001:overflow'])
  })

  it('evicts records older than the TTL at the next flush', async () => {
    const { outbox, calls, clock, drops } = setup({ replies: [{ error: 'network' }] })
    await enqueueAll(outbox, 1)
    await outbox.flush()
    clock.time = T0 + 7 * 24 * 3_600_000
    expect(await outbox.flush()).toEqual({ sent: 0, pending: 0 })
    expect(drops).toEqual(['evt-000001:expired'])
    expect(calls).toHaveLength(1)
  })
})

describe('createOutbox: a failing store', () => {
  const failing = (method: keyof Store, how: 'reject' | 'throw'): Store => {
    const store = createMemoryStore()
    return {
      ...store,
      [method]: () => {
        if (how === 'throw') throw new Error(`${method} broke`)
        return Promise.reject(new Error(`${method} broke`))
      },
    }
  }

  it.each<[keyof Store, 'reject' | 'throw', boolean]>([
    ['put', 'reject', false],
    ['put', 'throw', false],
    ['all', 'reject', true],
    ['delete', 'reject', true],
    ['getMeta', 'throw', true],
    ['setMeta', 'reject', true],
  ])('never rejects when %s fails (%s): memory takes over', async (method, how, durable) => {
    const { outbox, sentIds } = setup({ store: failing(method, how), replies: [{ status: 404 }] })
    expect(await outbox.enqueue(event(1))).toBe(durable)
    await outbox.enqueue(event(2))
    expect(await outbox.flush()).toEqual({ sent: 0, pending: 0 })
    expect(outbox.dropped()).toBe(2)
    await outbox.enqueue(event(3))
    expect(await outbox.flush()).toEqual({ sent: 1, pending: 0 })
    expect(sentIds()).toEqual([['evt-000001', 'evt-000002'], ['evt-000003']])
  })

  it('never rejects when every store method fails', async () => {
    const broken = {
      put: () => Promise.reject(new Error('quota')),
      delete: () => Promise.reject(new Error('closing')),
      all: () => Promise.reject(new Error('closing')),
      getMeta: () => Promise.reject(new Error('closing')),
      setMeta: () => Promise.reject(new Error('closing')),
      addMeta: () => Promise.reject(new Error('closing')),
    }
    const { outbox } = setup({ store: broken, replies: [{ status: 503 }] })
    expect(await outbox.enqueue(event(1))).toBe(false)
    expect(await outbox.flush()).toEqual({ sent: 0, pending: 1 })
    expect(await outbox.flush({ ignoreBackoff: true })).toEqual({ sent: 1, pending: 0 })
  })

  it('writes again a record whose earlier write failed', async () => {
    const memory = createMemoryStore()
    let fail = true
    const store: Store = {
      ...memory,
      put: (records) => (fail ? Promise.reject(new Error('busy')) : memory.put(records)),
    }
    const { outbox } = setup({ store, replies: [{ status: 503 }] })
    await outbox.enqueue(event(1))
    expect(await memory.all()).toEqual([])
    fail = false
    await outbox.flush()
    expect((await memory.all()).map((r: OutboxRecord) => [r.event.id, r.attempts])).toEqual([
      ['evt-000001', 1],
    ])
  })

  it('never rejects when the clock or the id source fails', async () => {
    const { outbox } = setup({
      newId: () => {
        throw new Error('no entropy')
      },
    })
    await enqueueAll(outbox, 1)
    expect(await outbox.flush()).toEqual({ sent: 0, pending: 1 })
    expect(await outbox.flush({ unload: true })).toEqual({ sent: 0, pending: 1 })
  })
})

describe('createOutbox: the unload path', () => {
  it('hands one batch to the transport synchronously, within the unload byte limit', async () => {
    const { outbox, calls } = setup()
    for (let n = 1; n <= 30; n++) await outbox.enqueue(event(n, { reason: 'x'.repeat(3000) }))
    const done = outbox.flush({ unload: true })
    expect(calls).toHaveLength(1)
    expect(calls[0]?.options).toEqual({ unload: true })
    const batch = calls[0]?.batch
    expect(Buffer.byteLength(JSON.stringify(batch))).toBeLessThanOrEqual(48_000)
    expect(batch?.events[0]?.id).toBe('evt-000001')
    const sent = batch?.events.length ?? 0
    expect(await done).toEqual({ sent, pending: 30 - sent })
  })

  it('does not send the same batch twice when called twice', async () => {
    const gate = deferred<TransportResult>()
    const { outbox, calls } = setup({ replies: [() => gate.promise] })
    await enqueueAll(outbox, 60)
    const first = outbox.flush({ unload: true })
    const second = outbox.flush({ unload: true })
    expect(calls.map(({ batch }) => batch.events.length)).toEqual([50, 10])
    gate.resolve({ status: 200 })
    expect([await first, await second]).toEqual([
      { sent: 50, pending: 0 },
      { sent: 10, pending: 0 },
    ])
  })

  it('also sends records leased by a flush in flight: a duplicate beats a loss', async () => {
    const gate = deferred<TransportResult>()
    const { outbox, sentIds } = setup({ replies: [() => gate.promise] })
    await enqueueAll(outbox, 1)
    const running = outbox.flush()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(sentIds()).toEqual([['evt-000001']])
    expect(await outbox.flush({ unload: true })).toEqual({ sent: 1, pending: 0 })
    gate.resolve({ error: 'network' })
    expect(await running).toEqual({ sent: 0, pending: 0 })
    expect(sentIds()).toEqual([['evt-000001'], ['evt-000001']])
  })

  it('leaves a batch the transport did not send as it was, for the next call', async () => {
    const { outbox, calls, stored } = setup({ replies: [{ error: 'unsent' }] })
    await enqueueAll(outbox, 2)
    expect(await outbox.flush({ unload: true })).toEqual({ sent: 0, pending: 2 })
    expect((await stored()).map((r) => [r.state, r.attempts])).toEqual([
      ['queued', 0],
      ['queued', 0],
    ])
    expect(await outbox.flush({ unload: true })).toEqual({ sent: 2, pending: 0 })
    expect(calls).toHaveLength(2)
  })

  it('keeps the backoff unless told to ignore it', async () => {
    const { outbox, calls } = setup({ replies: [{ error: 'network' }] })
    await enqueueAll(outbox, 1)
    await outbox.flush()
    expect(await outbox.flush({ unload: true })).toEqual({ sent: 0, pending: 1 })
    expect(await outbox.flush({ unload: true, ignoreBackoff: true })).toEqual({
      sent: 1,
      pending: 0,
    })
    expect(calls).toHaveLength(2)
  })
})

describe('createOutbox: stop', () => {
  // Opt-out: no requests. A flush that has a batch in flight must not send the next.
  it('sends no further batch once stopped, not even from the flush running', async () => {
    const gate = deferred<TransportResult>()
    const { outbox, calls, stored } = setup({ replies: [() => gate.promise] })
    await enqueueAll(outbox, 120)
    const running = outbox.flush()
    await new Promise((resolve) => setTimeout(resolve, 0))
    outbox.stop()
    gate.resolve({ status: 200 })
    expect(await running).toEqual({ sent: 50, pending: 70 })
    expect(await outbox.enqueue(event(121))).toBe(false)
    expect(await outbox.flush({ ignoreBackoff: true })).toEqual({ sent: 0, pending: 70 })
    expect(await outbox.flush({ unload: true })).toEqual({ sent: 0, pending: 70 })
    expect(calls).toHaveLength(1)
    expect(await stored()).toHaveLength(70)
  })
})

describe('createOutbox: concurrency', () => {
  it('coalesces flushes: each event is sent once', async () => {
    const { outbox, sentIds } = setup()
    await enqueueAll(outbox, 3)
    const results = await Promise.all([outbox.flush(), outbox.flush(), outbox.flush()])
    expect(sentIds()).toEqual([['evt-000001', 'evt-000002', 'evt-000003']])
    expect(results.map((r) => r.pending)).toEqual([0, 0, 0])
  })

  it('runs a flush asked for during a flush, for the events it did not see', async () => {
    const gate = deferred<TransportResult>()
    const { outbox, sentIds } = setup({ replies: [() => gate.promise] })
    await enqueueAll(outbox, 1)
    const first = outbox.flush()
    await new Promise((resolve) => setTimeout(resolve, 0))
    await outbox.enqueue(event(2))
    const second = outbox.flush()
    gate.resolve({ status: 200 })
    expect(await first).toEqual({ sent: 1, pending: 1 })
    expect(await second).toEqual({ sent: 1, pending: 0 })
    expect(sentIds()).toEqual([['evt-000001'], ['evt-000002']])
  })

  it('leaves records leased by another tab alone until the lease runs out', async () => {
    const store = createMemoryStore()
    const gate = deferred<TransportResult>()
    const tabA = setup({ store, replies: [() => gate.promise] })
    const tabB = setup({ store })
    await enqueueAll(tabA.outbox, 2)
    const sending = tabA.outbox.flush()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(await tabB.outbox.flush()).toEqual({ sent: 0, pending: 2 })
    tabB.clock.time = T0 + 60_000
    expect(await tabB.outbox.flush()).toEqual({ sent: 2, pending: 0 })
    gate.resolve({ status: 200 })
    expect(await sending).toEqual({ sent: 2, pending: 0 })
    expect(tabB.sentIds()).toEqual([['evt-000001', 'evt-000002']])
  })

  it('ignores a lease further off than a lease lasts: taken under a clock since set back', async () => {
    const store = createMemoryStore()
    const gate = deferred<TransportResult>()
    const tabA = setup({ store, replies: [() => gate.promise] })
    await enqueueAll(tabA.outbox, 2)
    void tabA.outbox.flush()
    await new Promise((resolve) => setTimeout(resolve, 0))
    const tabB = setup({ store })
    tabB.clock.time = T0 - 24 * 3_600_000
    expect(await tabB.outbox.flush()).toEqual({ sent: 2, pending: 0 })
  })

  it('ignores stale leases at once when it is the only sender (a page reloaded mid-send)', async () => {
    const store = createMemoryStore()
    const gate = deferred<TransportResult>()
    const dead = setup({ store, replies: [() => gate.promise] })
    await enqueueAll(dead.outbox, 2)
    void dead.outbox.flush()
    await new Promise((resolve) => setTimeout(resolve, 0))
    // The page reloads: the new one holds the sender lock, so no lease can be live.
    const reloaded = setup({ store, exclusive: () => true })
    expect(await reloaded.outbox.flush()).toEqual({ sent: 2, pending: 0 })
    expect(reloaded.sentIds()).toEqual([['evt-000001', 'evt-000002']])
    expect(dead.sentIds()).toEqual([['evt-000001', 'evt-000002']])
  })

  it('writes no leases when it is the only sender, and reads the store once at start', async () => {
    const memory = createMemoryStore()
    await memory.put([1, 2, 3].map((n) => createRecord(event(n), T0 - 10 + n)))
    const puts: string[][] = []
    let reads = 0
    const store: Store = {
      ...memory,
      put: async (records) => {
        puts.push(records.map((r) => r.state))
        await memory.put(records)
      },
      all: async () => {
        reads += 1
        return memory.all()
      },
    }
    // The flush at page start: asked for while the outbox is still loading.
    const { outbox, sentIds } = setup({ store, exclusive: () => true })
    expect(await outbox.flush()).toEqual({ sent: 3, pending: 0 })
    expect(sentIds()).toEqual([['evt-000001', 'evt-000002', 'evt-000003']])
    expect(puts).toEqual([])
    expect(reads).toBe(1)
    // A later flush reads the store again: other tabs may have changed it.
    await outbox.flush()
    expect(reads).toBe(2)
  })

  it('sends the events another tab stored', async () => {
    const store = createMemoryStore()
    const tabA = setup({ store })
    const tabB = setup({ store })
    await tabA.outbox.enqueue(event(1))
    await tabB.outbox.enqueue(event(2))
    expect(await tabB.outbox.flush()).toEqual({ sent: 2, pending: 0 })
    expect(await tabA.outbox.flush()).toEqual({ sent: 0, pending: 0 })
    expect(tabA.calls).toEqual([])
  })

  // Tabs share the store, and so the count: each loss must reach the receiver once.
  type Tab = ReturnType<typeof setup>
  const reported = (...tabs: Tab[]) =>
    tabs.flatMap((tab) => tab.calls.map(({ batch }) => batch.dropped ?? 0))
  it.each<[string, (store: Store) => Promise<number[]>, number[]]>([
    [
      'a stored count, by the two tabs opened on it',
      async (store) => {
        const earlier = setup({ store, replies: [{ status: 404 }] })
        await enqueueAll(earlier.outbox, 2)
        await earlier.outbox.flush()
        const [tabA, tabB] = [setup({ store }), setup({ store })]
        for (const [n, tab] of [tabA, tabB].entries()) {
          await tab.outbox.enqueue(event(3 + n))
          await tab.outbox.flush()
        }
        return reported(tabA, tabB)
      },
      [2, 0],
    ],
    [
      'losses in two tabs, neither writing over the other',
      async (store) => {
        const [tabA, tabB] = [1, 2].map(() => setup({ store, replies: [{ status: 404 }] }))
        for (const [n, tab] of [tabA, tabB].entries()) {
          await tab?.outbox.enqueue(event(1 + n))
          await tab?.outbox.flush({ ignoreBackoff: true })
        }
        const next = setup({ store })
        await next.outbox.enqueue(event(3))
        await next.outbox.flush()
        return reported(next)
      },
      [2],
    ],
    [
      'an event expired in the two tabs that held it',
      async (store) => {
        const tabA = setup({ store, replies: [{ error: 'network' }] })
        await enqueueAll(tabA.outbox, 1)
        await tabA.outbox.flush()
        const tabB = setup({ store })
        await tabB.outbox.ready()
        tabA.clock.time = tabB.clock.time = T0 + 7 * 24 * 3_600_000
        // Each evicts it on its next enqueue, tab B from what it read before tab A's eviction.
        await tabA.outbox.enqueue(event(2))
        await tabB.outbox.enqueue(event(3))
        await tabA.outbox.flush()
        await tabB.outbox.enqueue(event(4))
        await tabB.outbox.flush()
        return reported(tabA, tabB)
      },
      [0, 1, 0],
    ],
  ])('reports %s once', async (_, run, expected) => {
    expect(await run(createMemoryStore())).toEqual(expected)
  })

  // The unload path cannot settle what it reports, and another tab's count may be newer than
  // the one it read: it reports none, and the next normal batch reports the stored count once.
  it('reports a stored count once when another tab sends on the unload path', async () => {
    const store = createMemoryStore()
    await store.setMeta('dropped', 3)
    const tabA = setup({ store, exclusive: () => true })
    const tabB = setup({ store })
    await Promise.all([tabA.outbox.ready(), tabB.outbox.ready()])
    await tabA.outbox.enqueue(event(1))
    await tabA.outbox.flush()
    await tabB.outbox.enqueue(event(2))
    await tabB.outbox.flush({ unload: true, ignoreBackoff: true })
    const reported = [tabA, tabB].flatMap((t) => t.calls.map(({ batch }) => batch.dropped))
    expect(reported).toEqual([3, 0])
  })

  // Stored at enqueue, then its lease write failed: memory is ahead of the store, but the
  // record is there, and the delete that drops it finds it: counted once, not twice.
  it('counts a dropped record once when a later write of it failed', async () => {
    const memory = createMemoryStore()
    let puts = 0
    const store: Store = {
      ...memory,
      put: async (records) => {
        puts++
        if (puts === 2) throw new Error('transient')
        await memory.put(records)
      },
    }
    const tab = setup({ store, replies: [{ status: 404 }] })
    await tab.outbox.enqueue(event(1))
    await tab.outbox.flush()
    await tab.outbox.enqueue(event(2))
    await tab.outbox.flush()
    expect(tab.calls.map(({ batch }) => batch.dropped)).toEqual([0, 1])
  })

  it('keeps the dropped count across page loads', async () => {
    const store = createMemoryStore()
    const first = setup({ store, replies: [{ status: 404 }] })
    await enqueueAll(first.outbox, 2)
    await first.outbox.flush()
    const second = setup({ store })
    await second.outbox.enqueue(event(3))
    expect(second.outbox.dropped()).toBe(2)
    await second.outbox.flush()
    expect(second.calls[0]?.batch.dropped).toBe(2)
    expect(second.outbox.dropped()).toBe(0)
  })
})
