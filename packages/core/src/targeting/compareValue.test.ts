import { describe, expect, it } from 'vitest'
import { compareValue, type Operator } from './compareValue'

describe('compareValue', () => {
  it.each<[Operator, unknown, unknown, boolean]>([
    ['in', 'pro', 'pro', false],
    ['in', ['pro'], 'pro', true],
    ['gt', '3', 4, false],
    ['lt', 5, 4, true],
    ['contains', { a: 1 }, 'a', false],
    ['contains', null, [null], false],
    ['exists', undefined, 'x', true],
    ['exists', undefined, undefined, false],
    ['exists', false, undefined, true],
    ['exists', 'yes', 'x', true],
    ['eq', undefined, undefined, true],
    ['eq', { a: 1 }, { a: 1 }, false],
    ['neq', 1, 2, true],
  ])('%s %j on %j is %s', (op, operand, value, expected) => {
    expect(compareValue(op, operand, value)).toBe(expected)
  })
})
