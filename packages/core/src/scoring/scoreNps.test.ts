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
  // Expected intervals worked by hand (adjusted Wald, z = 1.959964):
  // 50/30/20: n' = 101.5, p₊ = 50.75/101.5 = 0.5, p₋ = 20.75/101.5 = 0.204433,
  //   d = 0.295567, var = 0.704433 − 0.295567² = 0.617074, se = √(0.617074/101.5) = 0.077971,
  //   CI = 100·(0.295567 ∓ 1.959964·0.077971) = [14.2745, 44.8388].
  // 3/4/3: n' = 11.5, p₊ = p₋ = 3.75/11.5 = 0.326087, d = 0, var = 0.652174,
  //   se = √(0.652174/11.5) = 0.238140, CI = ±46.6746.
  // 10/0/0: n' = 11.5, p₊ = 0.934783, p₋ = 0.065217, d = 0.869565, var = 1 − 0.756144 =
  //   0.243856, se = 0.145619, CI = [58.4157, 115.4973] → upper bound clamped to 100.
  // 1/0/0: n' = 2.5, p₊ = 0.7, p₋ = 0.3, d = 0.4, var = 0.84, se = 0.579655,
  //   CI = [−73.6103, 153.6103] → [−73.6103, 100].
  // 0/0/5: n' = 6.5, d = −0.769231, var = 0.408284, se = 0.250625, CI = [−126.04, −27.8015]
  //   → lower bound clamped to −100.
  // 0/7/0: n' = 8.5, p₊ = p₋ = 0.088235, d = 0, var = 0.176471, se = 0.144088, CI = ±28.2407.
  it.each([
    [50, 30, 20, 30, 14.274527877895, 44.838772614716],
    [3, 4, 3, 0, -46.6746298361, 46.6746298361],
    [10, 0, 0, 100, 58.415718602372, 100],
    [1, 0, 0, 100, -73.61030603573, 100],
    [0, 0, 5, -100, -100, -27.801465447532],
    [0, 7, 0, 0, -28.240656919737, 28.240656919737],
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

  it('keeps the score within its interval, and both within −100…100', () => {
    fc.assert(
      fc.property(npsAnswers, (scores) => {
        const { n, score, ci } = scoreNps(scores)
        if (n === 0 || score === null || ci === null) {
          expect(scores).toHaveLength(0)
          return
        }
        expect(ci.low).toBeGreaterThanOrEqual(-100)
        expect(ci.high).toBeLessThanOrEqual(100)
        expect(ci.low).toBeLessThanOrEqual(score)
        expect(score).toBeLessThanOrEqual(ci.high)
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
