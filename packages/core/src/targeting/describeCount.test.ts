import { describe, expect, it } from 'vitest'
import type { Count } from '../schema/condition'
import { describeCount } from './describeCount'

describe('describeCount', () => {
  it.each<[Count, string]>([
    [{}, 'any number'],
    [{ gte: 3 }, '≥ 3'],
    [{ eq: 0 }, '= 0'],
    [{ gt: 1, lte: 5 }, '> 1 and ≤ 5'],
    [{ lt: 2 }, '< 2'],
  ])('renders %j as %s', (count, text) => {
    expect(describeCount(count)).toBe(text)
  })
})
