import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sampleBucket } from './sampleBucket'

describe('sampleBucket', () => {
  // Pinned: changing the hash would silently move every user across every sample line.
  it.each([
    ['u_42', 'nps-q4', 0.8712933154311031],
    ['', '', 0.28190421988256276],
    ['anon-1', 'csat-ticket', 0.03077264642342925],
    ['é', 's', 0.09715516306459904],
  ])('puts %j in %j at %d', (id, surveyId, bucket) => {
    expect(sampleBucket(id, surveyId)).toBe(bucket)
  })

  it('is a stable number in [0, 1)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (id, surveyId) => {
        const bucket = sampleBucket(id, surveyId)
        expect(bucket).toBeGreaterThanOrEqual(0)
        expect(bucket).toBeLessThan(1)
        expect(sampleBucket(id, surveyId)).toBe(bucket)
      }),
    )
  })

  it('samples two surveys independently', () => {
    // P(in both) ≈ P(in A) · P(in B): a user in one survey's sample is not thereby in another's.
    let both = 0
    const n = 100_000
    for (let i = 0; i < n; i++) {
      if (sampleBucket(`u_${i}`, 'nps-q4') < 0.5 && sampleBucket(`u_${i}`, 'csat') < 0.5) both++
    }
    expect(Math.abs(both / n - 0.25)).toBeLessThan(0.01)
  })
})
