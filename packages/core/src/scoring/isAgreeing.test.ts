import { describe, expect, it } from 'vitest'
import { isAgreeing } from './isAgreeing'

describe('isAgreeing', () => {
  it.each([
    // 1–7: 4 is neutral, 5–7 agree.
    [1, 7, false],
    [4, 7, false],
    [5, 7, true],
    [7, 7, true],
    // 1–5: 3 is neutral, 4–5 agree.
    [3, 5, false],
    [4, 5, true],
    [5, 5, true],
    // Invalid answers never agree.
    [8, 7, false],
    [0, 7, false],
    [5.5, 7, false],
    ['6', 7, false],
  ])('isAgreeing(%s, %d) is %s', (score, scale, expected) => {
    expect(isAgreeing(score, scale)).toBe(expected)
  })
})
