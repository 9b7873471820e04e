import { describe, expect, it } from 'vitest'
import type { Count } from '../schema/condition'
import { matchCount } from './matchCount'

describe('matchCount', () => {
  it.each<[Count, number, boolean]>([
    [{}, 0, true],
    [{ eq: 3 }, 3, true],
    [{ eq: 3 }, 4, false],
    [{ gt: 3 }, 4, true],
    [{ gt: 3 }, 3, false],
    [{ gte: 3 }, 3, true],
    [{ gte: 3 }, 2, false],
    [{ lt: 3 }, 2, true],
    [{ lt: 3 }, 3, false],
    [{ lte: 3 }, 3, true],
    [{ lte: 3 }, 4, false],
    [{ gte: 1, lte: 5 }, 5, true],
    [{ gte: 1, lte: 5 }, 0, false],
    [{ gt: 5, lt: 1 }, 3, false],
  ])('%j on %d is %s', (count, n, expected) => {
    expect(matchCount(count, n)).toBe(expected)
  })
})
