import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { backoffDelay } from './backoffDelay'

describe('backoffDelay', () => {
  it.each([
    // attempt, random, options, delay
    [0, 0, {}, 0],
    [0, 0.5, {}, 500],
    [1, 0.5, {}, 1000],
    [3, 0.999, {}, 7992],
    [20, 0.5, {}, 150_000],
    [10_000, 0.5, {}, 150_000],
    [2, 0.5, { baseMs: 100 }, 200],
    [2, 0.5, { baseMs: 100, capMs: 300 }, 150],
    [-3, 0.5, {}, 500],
    [0, 1, {}, 1000],
    [0, -1, {}, 0],
  ])('attempt %i with random %d and %j waits %i ms', (attempt, r, options, delay) => {
    expect(backoffDelay(attempt, options, () => r)).toBe(delay)
  })

  it('stays within [0, min(cap, base · 2^attempt)]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 2000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.integer({ min: 1, max: 24 * 3_600_000 }),
        (attempt, r, baseMs, capMs) => {
          const delay = backoffDelay(attempt, { baseMs, capMs }, () => r)
          expect(delay).toBeGreaterThanOrEqual(0)
          expect(delay).toBeLessThanOrEqual(Math.min(capMs, baseMs * 2 ** Math.max(0, attempt)))
          expect(Number.isInteger(delay)).toBe(true)
        },
      ),
    )
  })

  it('uses Math.random by default', () => {
    const delay = backoffDelay(4)
    expect(delay).toBeGreaterThanOrEqual(0)
    expect(delay).toBeLessThan(16_000)
  })
})
