import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseRetryAfter } from './parseRetryAfter'

const now = Date.parse('2025-03-01T12:00:00Z')
const HOUR = 3_600_000

describe('parseRetryAfter', () => {
  it.each([
    ['0', 0],
    ['120', 120_000],
    [' 5 ', 5000],
    ['3600', HOUR],
    ['86400', HOUR],
    ['99999999999999999999999', HOUR],
    ['Sat, 01 Mar 2025 12:00:30 GMT', 30_000],
    ['Saturday, 01-Mar-25 12:02:00 GMT', 120_000],
    ['Sat Mar  1 12:00:10 2025', 10_000],
    ['Sun, 02 Mar 2025 12:00:00 GMT', HOUR],
    ['Sat, 01 Mar 2025 11:59:00 GMT', null],
    ['-5', null],
    ['1.5', null],
    ['', null],
    ['soon', null],
    ['2025-03-01T12:00:30Z', null],
    ['Mon, 99 Foo 2025 25:61:61 GMT', null],
    [null, null],
    [undefined, null],
  ])('%j → %j', (value, delay) => {
    expect(parseRetryAfter(value, now)).toBe(delay)
  })

  it('takes its cap from the caller', () => {
    expect(parseRetryAfter('600', now, 60_000)).toBe(60_000)
  })

  it('never throws, and returns null or a delay within [0, cap]', () => {
    const values = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.date({ noInvalidDate: true }).map((date) => date.toUTCString()),
      fc.nat().map(String),
    )
    fc.assert(
      fc.property(values, fc.integer({ min: 0, max: 2 * HOUR }), (value, cap) => {
        const delay = parseRetryAfter(value, now, cap)
        if (delay !== null) {
          expect(delay).toBeGreaterThanOrEqual(0)
          expect(delay).toBeLessThanOrEqual(cap)
        }
      }),
    )
  })
})
