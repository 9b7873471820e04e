import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyCaps, type Caps } from './applyCaps'
import type { OutboxRecord } from './types'

const DAY = 24 * 60 * 60_000

const record = (n: number, queuedAt: number, bytes = 100): OutboxRecord => ({
  event: { id: `evt-${String(n).padStart(4, '0')}`, type: 'survey.shown', at: '2025-03-01T00:00Z' },
  bytes,
  state: 'queued',
  attempts: 0,
  nextAttemptAt: queuedAt,
  queuedAt,
})

const ids = (list: readonly { event: { id: string } }[]) => list.map((r) => r.event.id)

describe('applyCaps', () => {
  const now = 10 * DAY
  it.each<[string, OutboxRecord[], Caps, string[], [string, string][]]>([
    ['nothing to do', [record(1, now), record(2, now)], {}, ['evt-0001', 'evt-0002'], []],
    ['sorted oldest first', [record(2, now), record(1, now - 1)], {}, ['evt-0001', 'evt-0002'], []],
    [
      'expired after 7 days',
      [record(1, now - 7 * DAY), record(2, now - 7 * DAY + 1)],
      {},
      ['evt-0002'],
      [['evt-0001', 'expired']],
    ],
    [
      'a custom TTL',
      [record(1, now - 1000), record(2, now)],
      { ttlMs: 500 },
      ['evt-0002'],
      [['evt-0001', 'expired']],
    ],
    [
      'too many: the oldest go',
      [record(3, now - 1), record(1, now - 3), record(2, now - 2)],
      { maxItems: 2 },
      ['evt-0002', 'evt-0003'],
      [['evt-0001', 'overflow']],
    ],
    [
      'too many bytes: the oldest go',
      [record(1, now - 3, 400), record(2, now - 2, 400), record(3, now - 1, 400)],
      { maxBytes: 900 },
      ['evt-0002', 'evt-0003'],
      [['evt-0001', 'overflow']],
    ],
    [
      'one record above the byte cap goes alone',
      [record(1, now, 2000)],
      { maxBytes: 1000 },
      [],
      [['evt-0001', 'overflow']],
    ],
    [
      'expired first, then overflow',
      [record(1, 0), record(2, now - 1), record(3, now), record(4, now)],
      { maxItems: 2 },
      ['evt-0003', 'evt-0004'],
      [
        ['evt-0001', 'expired'],
        ['evt-0002', 'overflow'],
      ],
    ],
    ['a cap of zero', [record(1, now)], { maxItems: 0 }, [], [['evt-0001', 'overflow']]],
  ])('%s', (_, records, caps, keep, evicted) => {
    const result = applyCaps(records, now, caps)
    expect(ids(result.keep)).toEqual(keep)
    expect(result.evicted.map(({ record: r, reason }) => [r.event.id, reason])).toEqual(evicted)
  })

  it('keeps within the caps, evicts only the oldest, and loses nothing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: 20 * DAY }), fc.nat({ max: 5000 })), { maxLength: 60 }),
        fc.nat({ max: 70 }),
        fc.nat({ max: 100_000 }),
        (specs, maxItems, maxBytes) => {
          const records = specs.map(([age, bytes], n) => record(n, now - age, bytes))
          const { keep, evicted } = applyCaps(records, now, { maxItems, maxBytes })
          expect(keep.length).toBeLessThanOrEqual(maxItems)
          expect(keep.reduce((sum, r) => sum + r.bytes, 0)).toBeLessThanOrEqual(maxBytes)
          expect(keep.length + evicted.length).toBe(records.length)
          const oldestKept = Math.min(...keep.map((r) => r.queuedAt))
          for (const { record: r, reason } of evicted) {
            if (reason === 'overflow') expect(r.queuedAt).toBeLessThanOrEqual(oldestKept)
            else expect(r.queuedAt).toBeLessThanOrEqual(now - 7 * DAY)
          }
        },
      ),
    )
  })
})
