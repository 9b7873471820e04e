import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scoreCes } from './scoreCes'

const cesAnswers = fc
  .constantFrom(5, 7)
  .chain((scale) =>
    fc.tuple(fc.array(fc.integer({ min: 1, max: scale }), { maxLength: 300 }), fc.constant(scale)),
  )

describe('scoreCes', () => {
  // Mean intervals: mean ± t(0.975, n − 1)·s/√n with scipy's t quantile and the sample standard
  // deviation, e.g. for the first row s = 1.511858, t(0.975, 6) = 2.446912,
  // 5.428571 ± 2.446912·1.511858/√7 = [4.030336, 6.826807]. Agreement intervals: Wilson, percent.
  // Every answer the same (s = 0): Wilson of the share (mean − 1)/(scale − 1) out of n, mapped
  // back onto the scale, e.g. five 7s on 1–7: Wilson(5 of 5) = [0.565518, 1], 1 + 6·0.565518 =
  // 4.393105; three 5s on 1–7: Wilson(2 of 3) = [0.207660, 0.938508] → [2.245958, 6.631048].
  it.each([
    {
      scores: [5, 6, 7, 4, 3, 7, 6],
      scale: 7,
      mean: 38 / 7,
      meanCi: [4.0303360850600125, 6.826806772082845],
      agree: 5,
      agreePercent: 500 / 7,
      agreeCi: [35.89344518326193, 91.77810759959432],
    },
    {
      scores: [4, 5, 5, 6, 7, 7, 7, 2, 6, 5],
      scale: 7,
      mean: 5.4,
      meanCi: [4.271437725569669, 6.528562274430332],
      agree: 8,
      agreePercent: 80,
      agreeCi: [49.016247153664175, 94.33178485456249],
    },
    {
      // t(0.975, 1) = 12.7 makes the interval [−34.1, 42.1]: clamped to the scale.
      scores: [1, 7],
      scale: 7,
      mean: 4,
      meanCi: [1, 7],
      agree: 1,
      agreePercent: 50,
      agreeCi: [9.453120573423075, 90.54687942657694],
    },
    {
      scores: [5, 4, 3, 2, 1, 4],
      scale: 5,
      mean: 19 / 6,
      meanCi: [1.6219392306394869, 4.711394102693847],
      agree: 3,
      agreePercent: 50,
      agreeCi: [18.761630648265054, 81.23836935173495],
    },
    {
      scores: [5, 5, 5],
      scale: 7,
      mean: 5,
      meanCi: [2.245957604812287, 6.631048331677623],
      agree: 3,
      agreePercent: 100,
      agreeCi: [43.85029682449545, 100],
    },
    {
      scores: [7, 7, 7, 7, 7],
      scale: 7,
      mean: 7,
      meanCi: [4.39310521130095, 7],
      agree: 5,
      agreePercent: 100,
      agreeCi: [56.551753521682514, 100],
    },
    {
      scores: [1, 1],
      scale: 5,
      mean: 1,
      meanCi: [1, 3.6304790899733876],
      agree: 0,
      agreePercent: 0,
      agreeCi: [0, 65.76197724933469],
    },
  ])('$scores on 1–$scale: mean $mean, $agree agreeing', (row) => {
    const result = scoreCes(row.scores, row.scale)
    expect(result.n).toBe(row.scores.length)
    expect(result.mean).toBeCloseTo(row.mean, 12)
    expect(result.meanCi?.low).toBeCloseTo(row.meanCi[0] ?? Number.NaN, 8)
    expect(result.meanCi?.high).toBeCloseTo(row.meanCi[1] ?? Number.NaN, 8)
    expect(result.agree).toBe(row.agree)
    expect(result.agreePercent).toBeCloseTo(row.agreePercent, 10)
    expect(result.agreeCi?.low).toBeCloseTo(row.agreeCi[0] ?? Number.NaN, 8)
    expect(result.agreeCi?.high).toBeCloseTo(row.agreeCi[1] ?? Number.NaN, 8)
  })

  it('uses a 1–7 scale by default', () => {
    expect(scoreCes([7, 6, 4])).toEqual(scoreCes([7, 6, 4], 7))
  })

  it('has no mean interval for a single answer', () => {
    expect(scoreCes([6])).toMatchObject({
      n: 1,
      mean: 6,
      meanCi: null,
      agree: 1,
      agreePercent: 100,
    })
  })

  it('has no statistics without answers', () => {
    expect(scoreCes([])).toEqual({
      n: 0,
      mean: null,
      meanCi: null,
      agree: 0,
      agreePercent: null,
      agreeCi: null,
    })
  })

  it('leaves answers off the scale out of every count', () => {
    expect(scoreCes([7, 8, 0, 5.5, '6', undefined, 2], 7)).toEqual(scoreCes([7, 2], 7))
  })

  it.each([[0], [1], [6.5], [Number.NaN]])('throws a RangeError for scale %d', (scale) => {
    expect(() => scoreCes([1], scale)).toThrow(RangeError)
  })

  it('keeps the mean and agreement within their intervals, and the intervals in range and wide', () => {
    fc.assert(
      fc.property(cesAnswers, ([scores, scale]) => {
        const result = scoreCes(scores, scale)
        expect(result.n).toBe(scores.length)
        if (result.mean === null || result.agreePercent === null || result.agreeCi === null) {
          expect(result.n).toBe(0)
          return
        }
        expect(result.mean).toBeGreaterThanOrEqual(1)
        expect(result.mean).toBeLessThanOrEqual(scale)
        expect(result.agreeCi.low).toBeGreaterThanOrEqual(0)
        expect(result.agreeCi.high).toBeLessThanOrEqual(100)
        expect(result.agreeCi.low).toBeLessThanOrEqual(result.agreePercent)
        expect(result.agreePercent).toBeLessThanOrEqual(result.agreeCi.high)
        if (result.meanCi === null) {
          expect(result.n).toBe(1)
          return
        }
        expect(result.meanCi.low).toBeGreaterThanOrEqual(1)
        expect(result.meanCi.high).toBeLessThanOrEqual(scale)
        expect(result.meanCi.low).toBeLessThanOrEqual(result.mean)
        expect(result.mean).toBeLessThanOrEqual(result.meanCi.high)
        expect(result.meanCi.high).toBeGreaterThan(result.meanCi.low)
      }),
    )
  })

  it('does not depend on the order of the answers', () => {
    const withShuffle = cesAnswers.chain(([scores, scale]) =>
      fc.tuple(
        fc.constant(scores),
        fc.shuffledSubarray(scores, { minLength: scores.length, maxLength: scores.length }),
        fc.constant(scale),
      ),
    )
    fc.assert(
      fc.property(withShuffle, ([scores, shuffled, scale]) => {
        expect(scoreCes(shuffled, scale)).toEqual(scoreCes(scores, scale))
      }),
    )
  })
})
