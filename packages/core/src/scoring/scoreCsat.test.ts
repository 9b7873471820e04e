import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scoreCsat } from './scoreCsat'

const scales = fc.constantFrom(3, 5, 7, 10)
const csatAnswers = scales.chain((scale) =>
  fc.tuple(fc.array(fc.integer({ min: 1, max: scale }), { maxLength: 300 }), fc.constant(scale)),
)

describe('scoreCsat', () => {
  // Intervals: Wilson (see wilsonInterval.test.ts) in percent, computed independently in Python.
  it.each([
    [[5, 5, 4, 3, 1], 5, 3, 60, 23.072428127601, 88.237922576735],
    [[4, 5, 5, 4], 5, 4, 100, 51.01091635454, 100],
    [[1], 5, 0, 0, 0, 79.345068562276],
    [[3, 2, 3, 1], 3, 2, 50, 15.003898915215, 84.996101084785],
    [[10, 9, 10, 9, 10, 9, 10, 8, 7, 1], 10, 7, 70, 39.677814746115, 89.22087325937],
    [[7, 6, 5], 7, 2, 200 / 3, 20.765960080205, 93.85080552796],
  ])(
    '%j on 1–%d: %d satisfied, %f%%, CI [%f, %f]',
    (scores, scale, satisfied, score, low, high) => {
      const result = scoreCsat(scores, scale)
      expect(result.n).toBe(scores.length)
      expect(result.satisfied).toBe(satisfied)
      expect(result.score).toBeCloseTo(score, 10)
      expect(result.ci?.low).toBeCloseTo(low, 5)
      expect(result.ci?.high).toBeCloseTo(high, 5)
    },
  )

  it('uses a 1–5 scale by default', () => {
    expect(scoreCsat([4, 5, 3])).toEqual(scoreCsat([4, 5, 3], 5))
    expect(scoreCsat([4, 5, 3]).satisfied).toBe(2)
  })

  it('has no score and no interval without answers', () => {
    expect(scoreCsat([])).toEqual({ n: 0, satisfied: 0, score: null, ci: null })
  })

  it('leaves answers off the scale out of every count', () => {
    expect(scoreCsat([5, 0, 6, 4.5, '5', null, 2], 5)).toEqual(scoreCsat([5, 2], 5))
  })

  it.each([[0], [1], [4.5], [Number.NaN]])('throws a RangeError for scale %d', (scale) => {
    expect(() => scoreCsat([1], scale)).toThrow(RangeError)
  })

  it('keeps the score within its interval, and both within 0…100', () => {
    fc.assert(
      fc.property(csatAnswers, ([scores, scale]) => {
        const { n, score, ci } = scoreCsat(scores, scale)
        expect(n).toBe(scores.length)
        if (score === null || ci === null) {
          expect(n).toBe(0)
          return
        }
        expect(ci.low).toBeGreaterThanOrEqual(0)
        expect(ci.high).toBeLessThanOrEqual(100)
        expect(ci.low).toBeLessThanOrEqual(score)
        expect(score).toBeLessThanOrEqual(ci.high)
      }),
    )
  })

  it('does not depend on the order of the answers', () => {
    const withShuffle = csatAnswers.chain(([scores, scale]) =>
      fc.tuple(
        fc.constant(scores),
        fc.shuffledSubarray(scores, { minLength: scores.length, maxLength: scores.length }),
        fc.constant(scale),
      ),
    )
    fc.assert(
      fc.property(withShuffle, ([scores, shuffled, scale]) => {
        expect(scoreCsat(shuffled, scale)).toEqual(scoreCsat(scores, scale))
      }),
    )
  })
})
