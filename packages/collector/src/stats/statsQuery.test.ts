import { describe, expect, it } from 'vitest'
import { readStatsQuery } from './statsQuery'

describe('readStatsQuery', () => {
  it('reads dates as whole UTC days, the end day included', () => {
    expect(readStatsQuery({ from: '2026-11-01', to: '2026-11-30' })).toEqual({
      ok: true,
      value: {
        from: '2026-11-01T00:00:00.000Z',
        to: '2026-12-01T00:00:00.000Z',
        interval: 'day',
        verbatims: 100,
      },
    })
    expect(readStatsQuery({ from: '2028-02-29' })).toMatchObject({
      value: { from: '2028-02-29T00:00:00.000Z' },
    })
  })

  it('reads date-times as they are, and the other options', () => {
    const result = readStatsQuery({
      from: '2026-11-01T12:00:00+01:00',
      interval: 'week',
      segment: 'appVersion',
      bucket: 'detractor',
      verbatims: '0',
    })
    expect(result).toEqual({
      ok: true,
      value: {
        from: '2026-11-01T11:00:00.000Z',
        interval: 'week',
        segment: { name: 'appVersion', column: 'app_version' },
        bucket: 'detractor',
        verbatims: 0,
      },
    })
    for (const [from, expected] of [
      ['2026-11-01T12:00Z', '2026-11-01T12:00:00.000Z'],
      ['2026-11-01T12:00:00.5-05:30', '2026-11-01T17:30:00.500Z'],
      ['2026-11-01T23:59:59.123456+00:00', '2026-11-01T23:59:59.123Z'],
    ]) {
      expect(readStatsQuery({ from })).toMatchObject({ value: { from: expected } })
    }
  })

  // Each of these Date.parse accepts: rolled over into the next month, read as a year, or read
  // in the server's time zone.
  it.each([
    '2026-02-31',
    '2026-02-29',
    '2026-13-01',
    '2026-02-31T00:00:00Z',
    '1',
    '2026',
    '2026-11',
    '2026-11-01T00:00:00',
    '2026-11-01T00:00',
    '2026-11-01 00:00:00Z',
    '2026-11-01T24:00:00Z',
    '2026-11-01T12:00:00+0100',
    'Sun, 01 Nov 2026 00:00:00 GMT',
  ])('refuses %s, naming the field', (value) => {
    for (const path of ['from', 'to']) {
      expect(readStatsQuery({ [path]: value })).toEqual({
        ok: false,
        errors: [{ path, message: 'expected a date (2026-11-01) or an ISO date-time' }],
      })
    }
  })

  // Names an object has by inheritance are no columns: they were looked up as such, and the
  // text of Object.prototype's functions went into the SQL.
  it.each([
    ['session.pageViews', ['session', 'pageViews']],
    ['constructor', ['constructor']],
    ['__proto__', ['__proto__']],
    ['toString', ['toString']],
  ])('takes %s as a context segment', (segment, path) => {
    const result = readStatsQuery({ segment })
    expect(result.ok && result.value.segment).toEqual({ name: segment, path })
  })

  // A range that ends before it starts holds nothing: its stats were all zeros, read as "no one
  // answered" by a team that had swapped its dates, instead of an error naming the mistake.
  it.each([
    ['2026-11-30', '2026-11-01'],
    ['2026-11-02T00:00:00Z', '2026-11-01'],
    ['2026-11-01T12:00:00Z', '2026-11-01T12:00:00Z'],
  ])('refuses from %s with to %s', (from, to) => {
    expect(readStatsQuery({ from, to })).toEqual({
      ok: false,
      errors: [{ path: 'to', message: 'expected a time after from' }],
    })
  })

  it.each([
    ['2026-11-01', '2026-11-01'],
    ['2026-11-01T23:00:00Z', '2026-11-01'],
  ])('takes from %s with to %s', (from, to) => {
    expect(readStatsQuery({ from, to }).ok).toBe(true)
  })

  it('takes interval=auto', () => {
    expect(readStatsQuery({ interval: 'auto' })).toMatchObject({
      ok: true,
      value: { interval: 'auto' },
    })
  })

  it('names every bad parameter', () => {
    const result = readStatsQuery({
      from: 'soon',
      interval: 'hour',
      segment: "x'; drop",
      verbatims: '-1',
    })
    expect(result.ok ? [] : result.errors.map((error) => error.path)).toEqual([
      'from',
      'interval',
      'segment',
      'verbatims',
    ])
  })
})
