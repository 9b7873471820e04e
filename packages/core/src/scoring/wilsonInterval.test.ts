import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { wilsonInterval } from './wilsonInterval'

// The pair (successes, n) with 0 ≤ successes ≤ n.
const counts = fc
  .integer({ min: 1, max: 100_000 })
  .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)))

describe('wilsonInterval', () => {
  // Reference values computed independently (Python, double precision) from the textbook form
  // (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n) with p = successes / n, z = 1.95996….
  it.each([
    [8, 10, 0.4901624715366418, 0.9433178485456248],
    [0, 10, 0, 0.2775327998628892],
    [45, 60, 0.6276792992295218, 0.8422347746994333],
    [70, 100, 0.6041514536665332, 0.7810511470506724],
    [3, 4, 0.30064184258240184, 0.9544127391902995],
    [1, 1, 0.20654931437723745, 1],
  ])('gives %d of %d → [%f, %f]', (successes, n, low, high) => {
    const interval = wilsonInterval(successes, n)
    expect(interval.low).toBeCloseTo(low, 12)
    expect(interval.high).toBeCloseTo(high, 12)
  })

  it('widens with a larger z (99% vs 95%)', () => {
    const ci95 = wilsonInterval(30, 50)
    const ci99 = wilsonInterval(30, 50, 2.5758293035489)
    expect(ci99.low).toBeLessThan(ci95.low)
    expect(ci99.high).toBeGreaterThan(ci95.high)
  })

  it('is the whole of [0, 1] when n = 0', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 })
  })

  it.each([
    [1, 0, 'more successes than trials'],
    [-1, 5, 'negative successes'],
    [0, -1, 'negative n'],
    [Number.NaN, 5, 'NaN successes'],
    [1, Number.POSITIVE_INFINITY, 'infinite n'],
  ])('throws a RangeError for (%d, %d): %s', (successes, n) => {
    expect(() => wilsonInterval(successes, n)).toThrow(RangeError)
  })

  it.each([[0], [-1.96], [Number.NaN]])('throws a RangeError for z = %d', (z) => {
    expect(() => wilsonInterval(1, 2, z)).toThrow(RangeError)
  })

  it('stays within [0, 1] and contains the observed proportion', () => {
    fc.assert(
      fc.property(counts, ([successes, n]) => {
        const { low, high } = wilsonInterval(successes, n)
        expect(low).toBeGreaterThanOrEqual(0)
        expect(high).toBeLessThanOrEqual(1)
        expect(low).toBeLessThanOrEqual(successes / n)
        expect(high).toBeGreaterThanOrEqual(successes / n)
      }),
    )
  })

  it('is symmetric: swapping successes and failures mirrors the interval', () => {
    fc.assert(
      fc.property(counts, ([successes, n]) => {
        const direct = wilsonInterval(successes, n)
        const mirrored = wilsonInterval(n - successes, n)
        expect(direct.low).toBeCloseTo(1 - mirrored.high, 12)
        expect(direct.high).toBeCloseTo(1 - mirrored.low, 12)
      }),
    )
  })
})
