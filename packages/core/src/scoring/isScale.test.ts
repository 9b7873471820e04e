import { describe, expect, it } from 'vitest'
import { isScale } from './isScale'

describe('isScale', () => {
  it.each([
    [2, true],
    [3, true],
    [5, true],
    [7, true],
    [10, true],
    [1, false],
    [0, false],
    [-5, false],
    [4.5, false],
    [Number.NaN, false],
    ['5', false],
    [undefined, false],
  ])('isScale(%s) is %s', (scale, expected) => {
    expect(isScale(scale)).toBe(expected)
  })
})
