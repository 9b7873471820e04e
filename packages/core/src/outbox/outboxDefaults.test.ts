import { describe, expect, it } from 'vitest'
import { MAX_BATCH_EVENTS } from '../schema/batch'
import { OUTBOX_DEFAULTS } from './outboxDefaults'

describe('OUTBOX_DEFAULTS', () => {
  it.each([
    ['maxBatchEvents', MAX_BATCH_EVENTS],
    ['maxBatchBytes', 256_000],
    ['maxUnloadBytes', 48_000],
    ['maxBatchesInFlight', 4],
    ['ttlMs', 7 * 24 * 3_600_000],
    ['backoffBaseMs', 1000],
    ['backoffCapMs', 300_000],
    ['retryAfterCapMs', 3_600_000],
  ] as const)('%s is %d', (name, value) => {
    expect(OUTBOX_DEFAULTS[name]).toBe(value)
  })

  it('keeps an unload batch under the 64 KiB keepalive quota', () => {
    expect(OUTBOX_DEFAULTS.maxUnloadBytes).toBeLessThan(64 * 1024)
  })
})
