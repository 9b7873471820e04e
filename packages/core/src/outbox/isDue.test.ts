import { describe, expect, it } from 'vitest'
import { type DueOptions, isDue } from './isDue'
import type { OutboxRecord } from './types'

const base: OutboxRecord = {
  event: { id: 'evt-0001', type: 'survey.shown', at: '2025-03-01T12:00:00.000Z' },
  bytes: 80,
  state: 'queued',
  attempts: 0,
  nextAttemptAt: 100,
  queuedAt: 100,
}

describe('isDue', () => {
  it.each<[string, Partial<OutboxRecord>, number, DueOptions, boolean]>([
    ['queued, time reached', {}, 100, {}, true],
    ['queued, too early', {}, 99, {}, false],
    ['retry, backoff over', { state: 'retry', nextAttemptAt: 500 }, 500, {}, true],
    ['retry, in backoff', { state: 'retry', nextAttemptAt: 500 }, 499, {}, false],
    [
      'retry, in backoff, ignored',
      { state: 'retry', nextAttemptAt: 500 },
      1,
      { ignoreBackoff: true },
      true,
    ],
    ['leased', { state: 'leased', leaseUntil: 200 }, 150, {}, false],
    [
      'leased, backoff ignored',
      { state: 'leased', leaseUntil: 200 },
      150,
      { ignoreBackoff: true },
      false,
    ],
    [
      'leased, lease ignored',
      { state: 'leased', leaseUntil: 200 },
      150,
      { ignoreLease: true },
      true,
    ],
    ['lease expired', { state: 'leased', leaseUntil: 200 }, 200, {}, true],
    ['leased without an end', { state: 'leased' }, 150, {}, true],
    ['retry, within the longest wait', { nextAttemptAt: 500 }, 400, { maxWaitMs: 100 }, false],
    [
      'retry, beyond the longest wait: clock set back',
      { nextAttemptAt: 500 },
      399,
      { maxWaitMs: 100 },
      true,
    ],
    ['leased, within a lease', { state: 'leased', leaseUntil: 200 }, 150, { leaseMs: 50 }, false],
    [
      'leased, beyond a lease: clock set back',
      { state: 'leased', leaseUntil: 200 },
      149,
      { leaseMs: 50 },
      true,
    ],
  ])('%s → %s', (_, patch, now, options, due) => {
    expect(isDue({ ...base, ...patch }, now, options)).toBe(due)
  })
})
