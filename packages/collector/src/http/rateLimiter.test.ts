import { describe, expect, it, vi } from 'vitest'
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

  it('bounds its memory: the least recently used bucket is forgotten when full', () => {
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

  // A spray of addresses, each a new network, walked every bucket for each request once the
  // limiter was full: 50,000 steps a request at the default size.
  it('forgets the least recently used bucket when full, without walking the others', () => {
    const limiter = createRateLimiter({
      ratePerSecond: 1,
      burst: 5,
      maxBuckets: 1_000,
      now: () => 0,
    })
    for (let i = 0; i < 1_000; i++) limiter.take(`spray-${i}`)
    limiter.take('spray-0')
    const steps = countMapSteps(() => {
      for (let i = 1_000; i < 1_999; i++) limiter.take(`spray-${i}`)
    })
    expect(steps).toBeLessThanOrEqual(2 * 999)
    // The bucket used lately is kept, 2 of its 5 tokens taken; the idle one after it was
    // forgotten, and starts over with all 5.
    const fives = (id: string) => [1, 2, 3, 4, 5].filter(() => limiter.take(id).ok).length
    expect(fives('spray-0')).toBe(3)
    expect(fives('spray-1')).toBe(5)
  })
})

/** How many entries `work` reads from Maps by iterating them. */
function countMapSteps(work: () => void): number {
  let steps = 0
  const proto = Map.prototype as unknown as Record<string | symbol, () => Iterator<unknown>>
  const spies = (['keys', 'values', 'entries', Symbol.iterator] as const).map((name) => {
    const original = proto[name] as () => Iterator<unknown>
    return vi.spyOn(proto, name).mockImplementation(function (this: Map<unknown, unknown>) {
      const iterator = original.call(this)
      return {
        next: () => {
          steps += 1
          return iterator.next()
        },
        [Symbol.iterator]() {
          return this
        },
      } as IterableIterator<unknown>
    })
  })
  try {
    work()
  } finally {
    for (const spy of spies) spy.mockRestore()
  }
  return steps
}
