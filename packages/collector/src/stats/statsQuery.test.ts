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
  })

  it('takes a dotted path as a context segment', () => {
    const result = readStatsQuery({ segment: 'session.pageViews' })
    expect(result.ok && result.value.segment).toEqual({
      name: 'session.pageViews',
      path: ['session', 'pageViews'],
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
