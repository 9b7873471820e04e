import { describe, expect, it } from 'vitest'
import type { Verdict } from './classifyResponse'
import { type SettleOptions, settleBatch } from './settleBatch'
import type { OutboxRecord } from './types'

const now = 1_000_000
const half = () => 0.5

const record = (n: number, attempts = 0): OutboxRecord => ({
  event: { id: `evt-000${n}`, type: 'survey.shown', at: '2025-03-01T12:00:00.000Z' },
  bytes: 80,
  state: 'leased',
  attempts,
  nextAttemptAt: 0,
  leaseUntil: now + 60_000,
  queuedAt: 0,
})

const batch = [record(1), record(2, 3), record(3)]

interface Summary {
  acked: string[]
  dropped: string[]
  retried: string[]
  split: string[][] | null
  blockedFor: number | null
  halt: boolean
}

const summary = (verdict: Verdict, options: SettleOptions = {}): Summary => {
  const settled = settleBatch(batch, verdict, now, options, half)
  return {
    acked: settled.acked,
    dropped: settled.dropped.map(({ record: r, reason }) => `${r.event.id}:${reason}`),
    retried: settled.retried.map((r) => `${r.event.id}@${r.nextAttemptAt - now}#${r.attempts}`),
    split: settled.split?.map((part) => part.map((r) => r.event.id)) ?? null,
    blockedFor: settled.blockedUntil === null ? null : settled.blockedUntil - now,
    halt: settled.halt,
  }
}

const none: Summary = {
  acked: [],
  dropped: [],
  retried: [],
  split: null,
  blockedFor: null,
  halt: false,
}

describe('settleBatch', () => {
  it.each<[string, Verdict, SettleOptions, Partial<Summary>]>([
    [
      'ack',
      { kind: 'ack', acked: ['evt-0001', 'evt-0002', 'evt-0003'], rejected: [], unanswered: [] },
      {},
      { acked: ['evt-0001', 'evt-0002', 'evt-0003'] },
    ],
    [
      'partial ack',
      {
        kind: 'ack',
        acked: ['evt-0001'],
        rejected: [{ id: 'evt-0002', reason: 'invalid' }],
        unanswered: ['evt-0003'],
      },
      {},
      { acked: ['evt-0001'], dropped: ['evt-0002:invalid'], retried: ['evt-0003@500#1'] },
    ],
    [
      'retry with backoff per record',
      { kind: 'retry', retryAfter: null },
      {},
      { retried: ['evt-0001@500#1', 'evt-0002@4000#4', 'evt-0003@500#1'], halt: true },
    ],
    [
      'retry after the receiver’s delay',
      { kind: 'retry', retryAfter: '120' },
      {},
      {
        retried: ['evt-0001@120000#1', 'evt-0002@120000#4', 'evt-0003@120000#1'],
        blockedFor: 120_000,
        halt: true,
      },
    ],
    [
      'Retry-After capped',
      { kind: 'retry', retryAfter: '999999' },
      { retryAfterCapMs: 60_000 },
      {
        retried: ['evt-0001@60000#1', 'evt-0002@60000#4', 'evt-0003@60000#1'],
        blockedFor: 60_000,
        halt: true,
      },
    ],
    [
      'out of attempts',
      { kind: 'retry', retryAfter: null },
      { maxAttempts: 4 },
      {
        retried: ['evt-0001@500#1', 'evt-0003@500#1'],
        dropped: ['evt-0002:max_attempts'],
        halt: true,
      },
    ],
    [
      'custom backoff',
      { kind: 'retry', retryAfter: 'garbage' },
      { backoffBaseMs: 10, backoffCapMs: 40 },
      { retried: ['evt-0001@5#1', 'evt-0002@20#4', 'evt-0003@5#1'], halt: true },
    ],
    [
      'split',
      { kind: 'split', reason: 'too_large' },
      {},
      { split: [['evt-0001', 'evt-0002'], ['evt-0003']] },
    ],
    [
      'drop',
      { kind: 'drop', reason: 'http_400' },
      {},
      { dropped: ['evt-0001:http_400', 'evt-0002:http_400', 'evt-0003:http_400'] },
    ],
  ])('%s', (_, verdict, options, expected) => {
    expect(summary(verdict, options)).toEqual({ ...none, ...expected })
  })

  it('drops a single event the receiver finds too large', () => {
    const settled = settleBatch([record(1)], { kind: 'split', reason: 'too_large' }, now)
    expect(settled.split).toBeNull()
    expect(settled.dropped).toEqual([{ record: record(1), reason: 'too_large' }])
  })
})
