import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { inSample } from './inSample'

const IDS = 100_000

// Ids as the SDK makes them: sequential user ids, or UUID-like anonymous ids.
const idStyles = [
  (i: number) => `u_${i}`,
  (i: number) => `${(i * 2_654_435_761) >>> 0}-4a2f-${i.toString(16).padStart(8, '0')}`,
]

describe('inSample', () => {
  it.each([
    [0, false],
    [-1, false],
    [Number.NaN, false],
    [1, true],
    [2, true],
  ])('rate %d always gives %s', (rate, expected) => {
    expect(inSample(rate, 'u_42', 'nps-q4')).toBe(expected)
    expect(inSample(rate, 'anon', 'other')).toBe(expected)
  })

  it.each([0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99])(
    'keeps %d of 100k sequential ids within ±2 points',
    (rate) => {
      let inside = 0
      for (let i = 0; i < IDS; i++) if (inSample(rate, `u_${i}`, 'nps-q4')) inside++
      expect(Math.abs(inside / IDS - rate)).toBeLessThanOrEqual(0.02)
    },
  )

  it('keeps any rate of 100k ids within ±2 points, for any survey and id style', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.string({ maxLength: 20 }),
        fc.constantFrom(...idStyles),
        (rate, surveyId, idOf) => {
          let inside = 0
          for (let i = 0; i < IDS; i++) if (inSample(rate, idOf(i), surveyId)) inside++
          expect(Math.abs(inside / IDS - rate)).toBeLessThanOrEqual(0.02)
        },
      ),
      { numRuns: 12 },
    )
  })

  it('is stable per id and only adds people as the rate grows', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (id, surveyId, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a]
          expect(inSample(low, id, surveyId)).toBe(inSample(low, id, surveyId))
          if (inSample(low, id, surveyId)) expect(inSample(high, id, surveyId)).toBe(true)
        },
      ),
    )
  })
})
