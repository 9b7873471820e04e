import { describe, expect, it } from 'vitest'
import { describeTime } from './describeTime'

describe('describeTime', () => {
  it.each([
    [0, '1970-01-01T00:00:00.000Z'],
    [Date.parse('2026-11-15T10:00:00Z'), '2026-11-15T10:00:00.000Z'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [9e15, '9000000000000000'],
  ])('renders %d as %s', (ms, text) => {
    expect(describeTime(ms)).toBe(text)
  })
})
