import { describe, expect, it } from 'vitest'
import type { Batch } from '../schema/batch'
import type { SondeEvent } from '../schema/event'
import { createMemoryStore } from './createMemoryStore'
import { createOutbox } from './createOutbox'
import type { OutboxOptions, Store, TransportResult } from './types'

// The pipelined flush: several batches in flight from the one sender, each event in one of them.

const T0 = Date.parse('2025-03-01T12:00:00Z')

const event = (n: number): SondeEvent => ({
  id: `evt-${String(n).padStart(6, '0')}`,
  type: 'survey.completed',
  at: '2025-03-01T12:00:00.000Z',
  surveyId: 'nps-q4',
  answers: [{ questionId: 'score', value: 9 }],
})

interface Flight {
  batch: Batch
  ids: string[]
  /** Batches already in flight when this one was sent. */
  alongside: number
  reply(result: TransportResult): void
}

/**
 * An outbox whose transport answers only when the test says so, so that the test sees what is
 * in flight at each moment. `log` records sends, replies and store deletes in the order they
 * happen.
 */
function setup(options: Partial<OutboxOptions> & { store?: Store } = {}) {
  const clock = { time: T0, now: () => clock.time }
  const memory = options.store ?? createMemoryStore()
  const log: string[] = []
  const store: Store = {
    ...memory,
    put: (records) => memory.put(records),
    all: () => memory.all(),
    getMeta: (name) => memory.getMeta(name),
    setMeta: (name, value) => memory.setMeta(name, value),
    async delete(ids) {
      for (const id of ids) log.push(`delete ${id}`)
      return memory.delete(ids)
    },
  }
  const inFlight: Flight[] = []
  const sent: Flight[] = []
  let most = 0
  let batchCount = 0
  const outbox = createOutbox({
    store,
    clock,
    sdk: { name: 'sonde', version: '1.2.3' },
    newId: () => `batch-${++batchCount}`,
    random: () => 0.5,
    exclusive: () => true,
    transport: {
      send(batch) {
        const ids = batch.events.map((e) => e.id)
        const live = new Set(inFlight.flatMap((flight) => flight.ids))
        for (const id of ids) {
          if (live.has(id)) throw new Error(`${id} sent while already in flight`)
          log.push(`send ${id}`)
        }
        return new Promise((resolve) => {
          const flight: Flight = {
            batch,
            ids,
            alongside: inFlight.length,
            reply(result) {
              inFlight.splice(inFlight.indexOf(flight), 1)
              if ('status' in result && result.status === 200)
                for (const id of ids) log.push(`ack ${id}`)
              resolve(result)
            },
          }
          inFlight.push(flight)
          sent.push(flight)
          most = Math.max(most, inFlight.length)
        })
      },
    },
    ...options,
  })
  return { outbox, clock, memory, log, inFlight, sent, most: () => most }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
const enqueueAll = async (outbox: { enqueue(e: SondeEvent): Promise<boolean> }, count: number) => {
  for (let n = 1; n <= count; n++) await outbox.enqueue(event(n))
}

// Answers the oldest batch in flight, after letting the outbox fill its window.
async function answerOldest(inFlight: Flight[], result: TransportResult = { status: 200 }) {
  await settle()
  inFlight[0]?.reply(result)
}

// Acks the oldest batch in flight until the outbox sends no more.
async function answerAll(inFlight: Flight[]) {
  for (;;) {
    await settle()
    const oldest = inFlight[0]
    if (!oldest) return
    oldest.reply({ status: 200 })
  }
}

describe('createOutbox: batches in flight', () => {
  it('opens the window one batch per clean ack, up to maxBatchesInFlight', async () => {
    const { outbox, inFlight, sent, most } = setup({ limits: { maxBatchesInFlight: 3 } })
    await enqueueAll(outbox, 500)
    const flushed = outbox.flush()
    const widths: number[] = []
    while (sent.length < 10 || inFlight.length > 0) {
      await settle()
      widths.push(inFlight.length)
      inFlight[0]?.reply({ status: 200 })
    }
    expect(await flushed).toEqual({ sent: 500, pending: 0 })
    expect(widths.slice(0, 4)).toEqual([1, 2, 3, 3])
    expect(most()).toBe(3)
    // Every event went exactly once, oldest first.
    const order = sent.flatMap((flight) => flight.ids)
    expect(order).toEqual(Array.from({ length: 500 }, (_, n) => event(n + 1).id))
  })

  it('never has the same id in flight twice, and deletes only what was acked', async () => {
    const { outbox, inFlight, log, memory } = setup()
    await enqueueAll(outbox, 400)
    const flushed = outbox.flush()
    // Out of order replies: the newest batch in flight is answered first.
    while ((await memory.all()).length > 0 || inFlight.length > 0) {
      await settle()
      inFlight[inFlight.length - 1]?.reply({ status: 200 })
    }
    expect(await flushed).toEqual({ sent: 400, pending: 0 })
    const acked = new Set<string>()
    for (const entry of log) {
      const [what, id = ''] = entry.split(' ')
      if (what === 'ack') acked.add(id)
      if (what === 'delete') expect(acked.has(id), `${id} deleted before its ack`).toBe(true)
    }
    expect(acked.size).toBe(400)
  })

  it('sends no new batch after a failure, and keeps the failed records', async () => {
    const { outbox, inFlight, sent, memory } = setup({ limits: { maxBatchesInFlight: 4 } })
    await enqueueAll(outbox, 1000)
    const flushed = outbox.flush()
    for (let i = 0; i < 3; i++) await answerOldest(inFlight)
    await settle()
    const before = sent.length
    expect(inFlight.length).toBeGreaterThan(1)
    inFlight[0]?.reply({ status: 503 })
    // The batches already sent are answered; nothing more is sent.
    await answerAll(inFlight)
    const result = await flushed
    expect(sent.length).toBe(before)
    expect(result.pending).toBe(1000 - result.sent)
    expect(result.sent).toBe(50 * (before - 1))
    const failed = sent[3]?.ids ?? []
    const stored = new Map((await memory.all()).map((r) => [r.event.id, r]))
    for (const id of failed) expect(stored.get(id)?.state).toBe('retry')
  })

  it('reports each drop in one batch only, while several are in flight', async () => {
    const { outbox, inFlight, sent } = setup({ limits: { maxBatchBytes: 2000 } })
    const huge = (id: string) => ({ ...event(0), id, reason: 'x'.repeat(3000) }) as SondeEvent
    await enqueueAll(outbox, 300)
    const flushed = outbox.flush()
    for (let i = 0; i < 3; i++) await answerOldest(inFlight)
    // Dropped while three batches are in flight: the next batch sent reports it, not the others.
    expect(await outbox.enqueue(huge('evt-big-1'))).toBe(false)
    await answerOldest(inFlight)
    await settle()
    expect(await outbox.enqueue(huge('evt-big-2'))).toBe(false)
    await answerAll(inFlight)
    expect(await flushed).toEqual({ sent: 300, pending: 0 })
    const reported = sent.map((flight) => flight.batch.dropped ?? 0)
    expect(reported.filter((n) => n > 0)).toEqual([1, 1])
    expect(outbox.dropped()).toBe(0)
  })

  it('reports a drop again when the batch that carried it fails', async () => {
    const { outbox, inFlight, sent } = setup({ limits: { maxBatchBytes: 2000 } })
    await enqueueAll(outbox, 300)
    const flushed = outbox.flush()
    for (let i = 0; i < 3; i++) await answerOldest(inFlight)
    const big = { ...event(0), id: 'evt-big', reason: 'x'.repeat(3000) } as SondeEvent
    expect(await outbox.enqueue(big)).toBe(false)
    await answerOldest(inFlight)
    await settle()
    const carrier = sent.find((flight) => flight.batch.dropped === 1)
    carrier?.reply({ status: 503 })
    await answerAll(inFlight)
    const first = await flushed
    expect(first.pending).toBe(300 - first.sent)
    expect(outbox.dropped()).toBe(1)
    const resent = sent.length
    const again = outbox.flush({ ignoreBackoff: true })
    await answerAll(inFlight)
    expect(await again).toEqual({ sent: first.pending, pending: 0 })
    // The failed batch goes first again (its records are the oldest), and reports the drop.
    const retries = sent.slice(resent)
    expect(retries[0]?.ids).toEqual(carrier?.ids)
    expect(retries.map((flight) => flight.batch.dropped)).toEqual(
      retries.map((_, i) => (i === 0 ? 1 : 0)),
    )
    expect(outbox.dropped()).toBe(0)
  })

  it('sends the halves of a 413 one at a time, before the rest', async () => {
    const { outbox, inFlight, sent } = setup({ limits: { maxBatchesInFlight: 4 } })
    await enqueueAll(outbox, 400)
    const flushed = outbox.flush()
    for (let i = 0; i < 3; i++) await answerOldest(inFlight)
    await settle()
    const split = sent.indexOf(inFlight[0] as Flight)
    inFlight[0]?.reply({ status: 413 })
    await answerAll(inFlight)
    expect(await flushed).toEqual({ sent: 400, pending: 0 })
    const halves = sent.filter((flight) => flight.ids.length === 25)
    expect(halves.map((flight) => flight.ids)).toEqual([
      sent[split]?.ids.slice(0, 25),
      sent[split]?.ids.slice(25),
    ])
    // Each half went alone, once the batches in flight at the 413 were answered, and before
    // the batch that had not yet been sent.
    expect(halves.map((flight) => flight.alongside)).toEqual([0, 0])
    expect(sent.slice(-3)).toEqual([...halves, sent.at(-1)])
    expect(sent.at(-1)?.ids[0]).toBe(event(351).id)
  })
})
