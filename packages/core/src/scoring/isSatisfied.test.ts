import { describe, expect, it } from 'vitest'
import { isSatisfied } from './isSatisfied'

describe('isSatisfied', () => {
  it.each([
    // 1–5: top two boxes are 4 and 5.
    [3, 5, false],
    [4, 5, true],
    [5, 5, true],
    // 1–3: only the top box, 2 is the neutral middle.
    [2, 3, false],
    [3, 3, true],
    // 1–7 and 1–10: top two boxes.
    [5, 7, false],
    [6, 7, true],
    [8, 10, false],
    [9, 10, true],
    [10, 10, true],
    // Invalid answers are never satisfied.
    [6, 5, false],
    [4.5, 5, false],
    ['5', 5, false],
    [5, 0, false],
  ])('isSatisfied(%s, %d) is %s', (score, scale, expected) => {
    expect(isSatisfied(score, scale)).toBe(expected)
  })
})
