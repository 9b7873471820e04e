import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SondeEvent } from '../schema/event'
import { buildBatches } from './buildBatches'
import { createRecord } from './createRecord'
import type { BatchEnvelope, OutboxRecord } from './types'

const envelope: BatchEnvelope = {
  schema: 'sonde.batch/1',
  batchId: '0195a0f0-0000-7000-8000-000000000000',
  sentAt: '2025-03-01T12:00:00.000Z',
  key: 'pk_demo',
  sdk: { name: 'sonde', version: '1.0.0' },
  dropped: 0,
}

const event = (n: number, text = ''): SondeEvent => ({
  id: `evt-${String(n).padStart(6, '0')}`,
  type: 'survey.answered',
  at: '2025-03-01T12:00:00.000Z',
  answers: [{ questionId: 'why', value: text }],
})

const records = (count: number, text = '') =>
  Array.from({ length: count }, (_, n) => createRecord(event(n, text), 0))

const bodyBytes = (batch: readonly OutboxRecord[], head = envelope) =>
  Buffer.byteLength(JSON.stringify({ ...head, events: batch.map((r) => r.event) }), 'utf8')

const overhead = bodyBytes([])
const sizes = (batches: OutboxRecord[][]) => batches.map((batch) => batch.length)

describe('buildBatches', () => {
  it.each([
    // events, text, limits, batch sizes
    [0, '', {}, []],
    [1, '', {}, [1]],
    [50, '', {}, [50]],
    [51, '', {}, [50, 1]],
    [120, '', {}, [50, 50, 20]],
    [7, '', { maxEvents: 3 }, [3, 3, 1]],
    [5, 'x'.repeat(900), { maxBytes: 2500 }, [2, 2, 1]],
    [4, '€'.repeat(300), { maxBytes: 2500 }, [2, 2]],
  ])('%i events of %j within %j → %j', (count, text, limits, expected) => {
    const plan = buildBatches(records(count, text), envelope, limits)
    expect(sizes(plan.batches)).toEqual(expected)
    expect(plan.tooLarge).toEqual([])
  })

  it('fills a batch to the exact byte', () => {
    const list = records(3)
    const exact = bodyBytes(list)
    expect(sizes(buildBatches(list, envelope, { maxBytes: exact }).batches)).toEqual([3])
    expect(sizes(buildBatches(list, envelope, { maxBytes: exact - 1 }).batches)).toEqual([2, 1])
  })

  it('sets aside what cannot fit alone, and keeps the order of the rest', () => {
    const list = [
      createRecord(event(1), 0),
      createRecord(event(2, 'x'.repeat(5000)), 0),
      createRecord(event(3), 0),
    ]
    const plan = buildBatches(list, envelope, { maxBytes: 4000 })
    expect(plan.batches).toEqual([[list[0], list[2]]])
    expect(plan.tooLarge).toEqual([list[1]])
  })

  it('counts the envelope, key and dropped counter included', () => {
    const list = records(2)
    const exact = bodyBytes(list)
    const heavier = { ...envelope, key: 'pk_ÿÿ', dropped: 12345 }
    expect(sizes(buildBatches(list, heavier, { maxBytes: exact }).batches)).toEqual([1, 1])
  })

  it('never exceeds the limits, never loses nor duplicates an event', () => {
    const texts = fc.string({ unit: 'binary', maxLength: 3000 })
    const head = fc.record({
      key: fc.string({ unit: 'binary', maxLength: 40 }),
      dropped: fc.nat(),
    })
    fc.assert(
      fc.property(
        fc.array(texts, { maxLength: 120 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 300, max: 40_000 }),
        head,
        (list, maxEvents, maxBytes, extra) => {
          const items = list.map((text, n) => createRecord(event(n, text), 0))
          const batchHead = { ...envelope, ...extra }
          const plan = buildBatches(items, batchHead, { maxEvents, maxBytes })
          for (const batch of plan.batches) {
            expect(batch.length).toBeGreaterThan(0)
            expect(batch.length).toBeLessThanOrEqual(maxEvents)
            expect(bodyBytes(batch, batchHead)).toBeLessThanOrEqual(maxBytes)
          }
          for (const item of plan.tooLarge) {
            expect(bodyBytes([item], batchHead)).toBeGreaterThan(maxBytes)
          }
          // Every event exactly once, batches in the input order.
          const tooLarge = new Set(plan.tooLarge)
          expect(plan.batches.flat()).toEqual(items.filter((item) => !tooLarge.has(item)))
          expect(plan.batches.flat().length + plan.tooLarge.length).toBe(items.length)
        },
      ),
    )
  })

  it('uses 50 events and 256 000 bytes by default', () => {
    const big = records(3, 'x'.repeat(100_000))
    expect(sizes(buildBatches(big, envelope).batches)).toEqual([2, 1])
    expect(overhead).toBeLessThan(300)
  })
})
