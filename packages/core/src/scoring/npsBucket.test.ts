import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { npsBucket } from './npsBucket'

describe('npsBucket', () => {
  it.each([
    [0, 'detractor'],
    [3, 'detractor'],
    [6, 'detractor'],
    [7, 'passive'],
    [8, 'passive'],
    [9, 'promoter'],
    [10, 'promoter'],
  ] as const)('buckets %d as %s', (score, bucket) => {
    expect(npsBucket(score)).toBe(bucket)
  })

  it.each([
    [-1],
    [11],
    [6.5],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    ['9'],
    [null],
    [undefined],
    [[9]],
  ])('returns null for the invalid answer %s', (score) => {
    expect(npsBucket(score)).toBeNull()
  })

  it('returns a bucket exactly for the integers 0–10', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const valid = Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 10
        expect(npsBucket(value) !== null).toBe(valid)
      }),
    )
  })
})
