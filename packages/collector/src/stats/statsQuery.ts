import type { ParseError } from '@sonde/core'
import { readInstant } from './readInstant'
import { type Segment, segmentFor } from './segmentExpression'

/** The filters and options of a stats request, checked. */
export interface StatsQuery {
  /** Inclusive start, ISO. */
  from?: string
  /** Exclusive end, ISO. */
  to?: string
  /** `auto`: by day, by week past a month (see `computeStats`). */
  interval: 'day' | 'week' | 'auto'
  segment?: Segment
  /** Only verbatims of this bucket (`promoter`, `satisfied`, `agree`, …). */
  bucket?: string
  /** Most verbatims returned, newest first. */
  verbatims: number
}

/**
 * Reads `from`, `to`, `interval`, `segment`, `bucket` and `verbatims` from a query string. A date
 * without a time means the whole day: `from=2026-11-01&to=2026-11-30` covers all of November 30.
 * A date-time must carry its zone (`Z` or an offset).
 */
export function readStatsQuery(
  query: Record<string, string | undefined>,
): { ok: true; value: StatsQuery } | { ok: false; errors: ParseError[] } {
  const errors: ParseError[] = []
  const from = readTime(query.from, 'from', errors, 0)
  const to = readTime(query.to, 'to', errors, 1)
  // An empty or reversed range (dates swapped) would answer zeros, read as "no one answered".
  if (from && to && Date.parse(to) <= Date.parse(from)) {
    errors.push({ path: 'to', message: 'expected a time after from' })
  }
  const interval = query.interval ?? 'day'
  if (interval !== 'day' && interval !== 'week' && interval !== 'auto') {
    errors.push({ path: 'interval', message: 'expected "day", "week" or "auto"' })
  }
  const segment = query.segment ? segmentFor(query.segment) : undefined
  if (segment === null) {
    errors.push({
      path: 'segment',
      message: 'expected device, locale, path, appVersion, plan, known or a context path',
    })
  }
  const verbatims = Number(query.verbatims ?? 100)
  if (!Number.isInteger(verbatims) || verbatims < 0 || verbatims > 1000) {
    errors.push({ path: 'verbatims', message: 'expected an integer from 0 to 1000' })
  }
  if (errors.length > 0) return { ok: false, errors }
  return {
    ok: true,
    value: {
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      interval: interval as StatsQuery['interval'],
      ...(segment ? { segment } : {}),
      ...(query.bucket ? { bucket: query.bucket } : {}),
      verbatims,
    },
  }
}

function readTime(
  value: string | undefined,
  path: string,
  errors: ParseError[],
  extraDays: number,
): string | undefined {
  if (value === undefined || value === '') return undefined
  const instant = readInstant(value, extraDays)
  if (instant === null)
    errors.push({ path, message: 'expected a date (2026-11-01) or an ISO date-time' })
  return instant ?? undefined
}
