import { describe, expect, it } from 'vitest'
import { describeValue } from './describeValue'

const cycle: Record<string, unknown> = {}
cycle.self = cycle

describe('describeValue', () => {
  it.each<[unknown, string]>([
    ['pro', '"pro"'],
    [['pro', 'business'], '["pro","business"]'],
    [3, '3'],
    [null, 'null'],
    [undefined, 'undefined'],
    [10n, 'bigint'],
    [cycle, 'object'],
    ['x'.repeat(100), `"${'x'.repeat(76)}...`],
  ])('renders %s as %s', (value, text) => {
    expect(describeValue(value)).toBe(text)
  })
})
