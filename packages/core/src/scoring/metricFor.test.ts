import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { WireMetric } from '../schema/event'
import { metricSchema } from '../schema/event'
import type { Metric } from './metricFor'
import { metricFor } from './metricFor'
import { npsBucket } from './npsBucket'
import { scoreCes } from './scoreCes'
import { scoreCsat } from './scoreCsat'

// Compile-time check (tsc -b): every metric this module builds is a valid wire metric.
const _wire: (metric: Metric) => WireMetric = (metric) => metric

describe('metricFor', () => {
  it.each([
    ['nps', 9, undefined, { kind: 'nps', score: 9, bucket: 'promoter' }],
    ['nps', 7, undefined, { kind: 'nps', score: 7, bucket: 'passive' }],
    ['nps', 0, undefined, { kind: 'nps', score: 0, bucket: 'detractor' }],
    ['nps', 10, 10, { kind: 'nps', score: 10, bucket: 'promoter' }],
    ['csat', 4, 5, { kind: 'csat', score: 4, scale: 5, satisfied: true }],
    ['csat', 3, 5, { kind: 'csat', score: 3, scale: 5, satisfied: false }],
    ['csat', 5, undefined, { kind: 'csat', score: 5, scale: 5, satisfied: true }],
    ['csat', 3, 3, { kind: 'csat', score: 3, scale: 3, satisfied: true }],
    ['csat', 2, 3, { kind: 'csat', score: 2, scale: 3, satisfied: false }],
    ['csat', 9, 10, { kind: 'csat', score: 9, scale: 10, satisfied: true }],
    ['ces', 5, 7, { kind: 'ces', score: 5, scale: 7, agree: true }],
    ['ces', 4, undefined, { kind: 'ces', score: 4, scale: 7, agree: false }],
    ['ces', 4, 5, { kind: 'ces', score: 4, scale: 5, agree: true }],
    ['ces', 3, 5, { kind: 'ces', score: 3, scale: 5, agree: false }],
  ] as const)('metricFor(%s, %d, %s) → %j', (kind, score, scale, expected) => {
    const metric = metricFor(kind, score, scale)
    expect(metric).toEqual(expected)
    expect(metricSchema.safeParse(metric).success).toBe(true)
  })

  it.each([
    ['nps', 11, undefined],
    ['nps', -1, undefined],
    ['nps', 8.5, undefined],
    ['nps', '9', undefined],
    ['nps', [9], undefined],
    ['csat', 6, 5],
    ['csat', 0, 5],
    ['csat', 4, 4.5],
    ['csat', 1, 1],
    ['csat', 'great', 5],
    ['ces', 8, undefined],
    ['ces', 6, 5],
    ['ces', null, 7],
    ['custom', 5, 5],
  ])('metricFor(%s, %j, %s) is null', (kind, score, scale) => {
    expect(metricFor(kind as 'nps', score, scale)).toBeNull()
  })

  it('agrees with npsBucket, scoreCsat and scoreCes on every valid answer', () => {
    const scaled = (scales: number[]) =>
      fc
        .constantFrom(...scales)
        .chain((scale) => fc.tuple(fc.integer({ min: 1, max: scale }), fc.constant(scale)))
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }),
        scaled([3, 5, 7, 10]),
        scaled([5, 7]),
        (nps, [csat, csatScale], [ces, cesScale]) => {
          expect(metricFor('nps', nps)?.bucket).toBe(npsBucket(nps))
          const satisfied = scoreCsat([csat], csatScale).satisfied === 1
          expect(metricFor('csat', csat, csatScale)?.satisfied).toBe(satisfied)
          const agree = scoreCes([ces], cesScale).agree === 1
          expect(metricFor('ces', ces, cesScale)?.agree).toBe(agree)
        },
      ),
    )
  })
})
