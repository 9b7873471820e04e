import { describe, expect, it } from 'vitest'
import { isScaleScore } from './isScaleScore'

describe('isScaleScore', () => {
  it.each([
    [1, 5, true],
    [5, 5, true],
    [3, 3, true],
    [10, 10, true],
    [0, 5, false],
    [6, 5, false],
    [4.5, 5, false],
    ['4', 5, false],
    [null, 5, false],
    [Number.NaN, 5, false],
    [1, 1, false],
    [2, 2.5, false],
  ])('isScaleScore(%s, %d) is %s', (score, scale, expected) => {
    expect(isScaleScore(score, scale)).toBe(expected)
  })
})
