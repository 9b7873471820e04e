import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type RetryOptions, scheduleRetry } from './scheduleRetry'
import type { OutboxRecord } from './types'

const leased: OutboxRecord = {
  event: { id: 'evt-0001', type: 'survey.shown', at: '2025-03-01T12:00:00.000Z' },
  bytes: 80,
  state: 'leased',
  attempts: 0,
  nextAttemptAt: 0,
  leaseUntil: 60_000,
  queuedAt: 0,
}

describe('scheduleRetry', () => {
  it.each<[string, number, RetryOptions, number, number]>([
    // name, attempts before, options, random, delay
    ['first retry', 0, {}, 0.5, 500],
    ['third retry', 2, {}, 0.5, 2000],
    ['capped', 30, {}, 0.5, 150_000],
    ['custom backoff', 1, { baseMs: 10, capMs: 15 }, 0.5, 7],
    ['Retry-After above backoff', 0, { retryAfterMs: 30_000 }, 0.5, 30_000],
    ['Retry-After below backoff', 5, { retryAfterMs: 1000 }, 0.5, 16_000],
    ['Retry-After of null', 0, { retryAfterMs: null }, 0.5, 500],
  ])('%s', (_, attempts, options, r, delay) => {
    const now = 1_000_000
    const next = scheduleRetry({ ...leased, attempts }, now, options, () => r)
    expect(next).toEqual({
      event: leased.event,
      bytes: 80,
      state: 'retry',
      attempts: attempts + 1,
      nextAttemptAt: now + delay,
      queuedAt: 0,
    })
    expect('leaseUntil' in next).toBe(false)
  })

  it('never schedules before now, nor before Retry-After, and keeps the event', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 100 }),
        fc.option(fc.nat({ max: 3_600_000 })),
        fc.nat(),
        (attempts, retryAfterMs, now) => {
          const next = scheduleRetry({ ...leased, attempts }, now, { retryAfterMs })
          expect(next.nextAttemptAt).toBeGreaterThanOrEqual(now + (retryAfterMs ?? 0))
          expect(next.nextAttemptAt).toBeLessThanOrEqual(now + Math.max(retryAfterMs ?? 0, 300_000))
          expect(next.event).toBe(leased.event)
        },
      ),
    )
  })
})
