import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scoreNps } from './scoreNps'

function answers(promoters: number, passives: number, detractors: number): number[] {
  return [
    ...Array<number>(promoters).fill(10),
    ...Array<number>(passives).fill(8),
    ...Array<number>(detractors).fill(3),
  ]
}

const npsAnswers = fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 300 })

describe('scoreNps', () => {
  // Expected intervals worked by hand (adjusted Wald of Rocks 2016 / MeasuringU: n' = n + 3,
  // p± = (count± + 0.75)/n', z = 1.959964):
  // 50/30/20: n' = 103, p₊ = 50.75/103 = 0.492718, p₋ = 20.75/103 = 0.201456, d = 0.291262,
  //   var = 0.694175 − 0.291262² = 0.609341, se = √(0.609341/103) = 0.076915,
  //   CI = 100·(0.291262 ∓ 1.959964·0.076915) = [14.0511, 44.2013].
  // 3/4/3: n' = 13, p₊ = p₋ = 3.75/13 = 0.288462, d = 0, var = 0.576923,
  //   se = √(0.576923/13) = 0.210663, CI = ±41.2891.
  // 10/0/0: n' = 13, p₊ = 0.826923, p₋ = 0.057692, d = 0.769231, var = 0.884615 − 0.591716 =
  //   0.292899, se = 0.150102, CI = [47.5036, 106.3426] → upper bound clamped to 100.
  // 1/0/0: n' = 4, p₊ = 0.4375, p₋ = 0.1875, d = 0.25, var = 0.5625, se = 0.375,
  //   CI = [−48.4986, 98.4986]: the score of 100 lies outside, the centre is pulled to 25.
  // 0/0/5: n' = 8, p₊ = 0.09375, p₋ = 0.71875, d = −0.625, var = 0.421875, se = 0.229640,
  //   CI = [−107.5085, −17.4915] → lower bound clamped to −100.
  // 0/7/0: n' = 10, p₊ = p₋ = 0.075, d = 0, var = 0.15, se = 0.122474, CI = ±24.0046.
  it.each([
    [50, 30, 20, 30, 14.051130178762, 44.201297005704],
    [3, 4, 3, 0, -41.289095624242, 41.289095624242],
    [10, 0, 0, 100, 47.50355154479, 100],
    [1, 0, 0, 100, -48.49864942025, 98.49864942025],
    [0, 0, 5, -100, -100, -17.491453034169],
    [0, 7, 0, 0, -24.004558381777, 24.004558381777],
  ])('%d promoters, %d passives, %d detractors → %d, CI [%f, %f]', (p, pa, d, score, low, high) => {
    const result = scoreNps(answers(p, pa, d))
    expect(result).toMatchObject({
      n: p + pa + d,
      promoters: p,
      passives: pa,
      detractors: d,
      score,
    })
    expect(result.ci?.low).toBeCloseTo(low, 4)
    expect(result.ci?.high).toBeCloseTo(high, 4)
  })

  it('counts every point of the scale in its bucket', () => {
    const result = scoreNps([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(result).toMatchObject({ n: 11, promoters: 2, passives: 2, detractors: 7 })
    expect(result.score).toBeCloseTo((100 * (2 - 7)) / 11, 12)
  })

  it('has no score and no interval without answers', () => {
    expect(scoreNps([])).toEqual({
      n: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      score: null,
      ci: null,
    })
  })

  it('leaves invalid answers out of every count', () => {
    expect(scoreNps([9, 11, -1, 6.5, Number.NaN, '10', null, 3])).toEqual(scoreNps([9, 3]))
  })

  // Not the score itself: the interval is centred on the adjusted difference, and with few
  // answers it can leave the score out (see 1/0/0 above).
  it('keeps the adjusted centre strictly within its interval, and both within −100…100', () => {
    fc.assert(
      fc.property(npsAnswers, (scores) => {
        const { n, promoters, detractors, ci } = scoreNps(scores)
        if (n === 0 || ci === null) {
          expect(scores).toHaveLength(0)
          return
        }
        const centre = (100 * (promoters - detractors)) / (n + 3)
        expect(ci.low).toBeGreaterThanOrEqual(-100)
        expect(ci.high).toBeLessThanOrEqual(100)
        expect(ci.low).toBeLessThan(centre)
        expect(centre).toBeLessThan(ci.high)
      }),
    )
  })

  it('does not depend on the order of the answers', () => {
    const withShuffle = npsAnswers.chain((scores) =>
      fc.tuple(
        fc.constant(scores),
        fc.shuffledSubarray(scores, { minLength: scores.length, maxLength: scores.length }),
      ),
    )
    fc.assert(
      fc.property(withShuffle, ([scores, shuffled]) => {
        expect(scoreNps(shuffled)).toEqual(scoreNps(scores))
      }),
    )
  })

  it('narrows as the same mix of answers grows', () => {
    fc.assert(
      fc.property(npsAnswers, fc.integer({ min: 2, max: 5 }), (scores, times) => {
        const small = scoreNps(scores).ci
        const large = scoreNps(Array<number[]>(times).fill(scores).flat()).ci
        if (small === null || large === null) return
        expect(large.high - large.low).toBeLessThanOrEqual(small.high - small.low + 1e-9)
      }),
    )
  })
})
