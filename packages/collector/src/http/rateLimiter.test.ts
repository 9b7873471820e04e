import { describe, expect, it } from 'vitest'
import { createRateLimiter } from './rateLimiter'

describe('createRateLimiter', () => {
  it('allows a burst, then 1/rate s per request, Retry-After to the next token', () => {
    let now = 0
    const limiter = createRateLimiter({ ratePerSecond: 0.5, burst: 3, now: () => now })
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, true])
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 2 })
    now += 1_000
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 })
    now += 1_000
    expect(limiter.take('a')).toEqual({ ok: true })
  })

  it('tells whether a bucket has a token without taking it', () => {
    let now = 0
    const limiter = createRateLimiter({ ratePerSecond: 1, burst: 1, now: () => now })
    expect(limiter.peek('a')).toEqual({ ok: true })
    expect(limiter.take('a')).toEqual({ ok: true })
    expect(limiter.peek('a')).toEqual({ ok: false, retryAfterSeconds: 1 })
    now += 1_000
    expect(limiter.peek('a')).toEqual({ ok: true })
    expect(limiter.peek('a')).toEqual({ ok: true })
    expect(limiter.take('a')).toEqual({ ok: true })
  })

  it('spends into debt, and gives back up to the burst', () => {
    let now = 0
    const limiter = createRateLimiter({ ratePerSecond: 1, burst: 2, now: () => now })
    limiter.spend('a', 5)
    expect(limiter.peek('a')).toEqual({ ok: false, retryAfterSeconds: 4 })
    now += 4_000
    expect(limiter.take('a')).toEqual({ ok: true })
    limiter.spend('a', -10)
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, false])
  })

  it('keeps one bucket per id', () => {
    const limiter = createRateLimiter({ ratePerSecond: 1, burst: 1, now: () => 0 })
    expect(limiter.take('a').ok).toBe(true)
    expect(limiter.take('a').ok).toBe(false)
    expect(limiter.take('b').ok).toBe(true)
  })

  it('bounds its memory: idle buckets are swept when full', () => {
    let now = 0
    const limiter = createRateLimiter({ ratePerSecond: 1, burst: 1, maxBuckets: 2, now: () => now })
    limiter.take('a')
    limiter.take('b')
    now += 5_000
    // 'a' and 'b' are full again, so forgetting them loses nothing.
    expect(limiter.take('c').ok).toBe(true)
    expect(limiter.take('c').ok).toBe(false)
    expect(limiter.take('a').ok).toBe(true)
  })
})
