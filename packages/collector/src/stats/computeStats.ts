import type { Interval, Survey } from '@sonde/core'
import type { Queryable } from '../db/database'
import { nonTextQuestionIds } from '../ingest/scoreQuestion'
import { histogramsFor } from './histogramsFor'
import { loadCounts, type ResponseCounts } from './loadCounts'
import { loadDropped, loadRefused } from './loadDropped'
import { loadRolledCounts, rollupsCover } from './loadRollups'
import { loadVerbatims, type Verbatim } from './loadVerbatims'
import { resolveMetric } from './resolveMetric'
import type { Scope } from './scope'
import {
  type Histogram,
  headline,
  type MetricSpec,
  type Score,
  scalePoints,
  scoreHistogram,
} from './scoreHistogram'
import type { StatsQuery } from './statsQuery'

/** One point of a trend or one row of a segment table: the headline number and core's score. */
export interface ScoredGroup {
  /** The period's first day (`2026-11-02`) or the segment value; `null` when not recorded. */
  key: string | null
  n: number
  value: number | null
  ci: Interval | null
  score: Score
}

/** Everything the dashboard shows for one survey. */
export interface SurveyStats {
  surveyId: string
  /** `null` for a survey without a scored question (kind `custom`): counts and verbatims only. */
  metric: MetricSpec | null
  from: string | null
  to: string | null
  counts: ResponseCounts
  /** Events the project's devices lost unsent on the days of the range: see {@link loadDropped}. */
  dropped: number
  /**
   * New responses the collector refused on the days of the range (every replica on the database),
   * from networks past their allowance of the day at that replica: see {@link loadRefused}.
   */
  refused: number
  /** Core's score of all scored responses in range, with n and the 95% interval. */
  score: Score | null
  /** How many answers gave each point of the scale. */
  distribution: Array<{ value: number; count: number }>
  interval: 'day' | 'week'
  trend: ScoredGroup[]
  segment: { name: string; rows: ScoredGroup[]; truncated: boolean } | null
  verbatims: Verbatim[]
}

/** Most segment values listed; the rest are counted in `truncated`. */
const maxSegments = 50

/**
 * Days an `auto` trend draws by day; past them, by week. The demo's 90 days of about six answers a
 * day drew a day's 95% interval some 120 NPS points wide around every point: noise to a reader.
 */
const autoDays = 31
const dayMs = 86_400_000

/**
 * Computes a survey's statistics: counts, score, distribution, trend, segments and verbatims.
 * `null` when the survey is unknown: not in the config and without any response.
 */
export async function computeStats(
  db: Queryable,
  scope: Scope,
  query: StatsQuery,
  survey: Survey | undefined,
): Promise<SurveyStats | null> {
  const metric = await resolveMetric(db, scope.project, scope.surveyId, survey)
  const [counts, dropped, refused, verbatims, scored] = await Promise.all([
    rollupsCover(scope) ? loadRolledCounts(db, scope) : loadCounts(db, scope),
    loadDropped(db, scope),
    loadRefused(db, scope),
    loadVerbatims(db, scope, {
      limit: query.verbatims,
      ...(query.bucket ? { bucket: query.bucket } : {}),
      ...(survey ? { nonTextQuestionIds: nonTextQuestionIds(survey) } : {}),
    }),
    metric ? scoreScope(db, scope, query, metric) : null,
  ])
  if (!survey && !metric && counts.responses === 0) return null
  return {
    surveyId: scope.surveyId,
    metric,
    from: scope.from ?? null,
    to: scope.to ?? null,
    counts,
    dropped,
    refused,
    score: scored?.score ?? null,
    distribution: scored?.distribution ?? [],
    interval: scored?.interval ?? (query.interval === 'week' ? 'week' : 'day'),
    trend: scored?.trend ?? [],
    segment: scored?.segment ?? null,
    verbatims,
  }
}

async function scoreScope(db: Queryable, scope: Scope, query: StatsQuery, metric: MetricSpec) {
  const { segment } = query
  const asked = query.interval === 'auto' ? 'day' : query.interval
  const [overall, days, segments] = await Promise.all([
    histogramsFor(db, scope, metric, { by: 'all' }),
    histogramsFor(db, scope, metric, { by: 'period', interval: asked }),
    segment ? histogramsFor(db, scope, metric, { by: 'segment', segment }) : null,
  ])
  const interval = query.interval === 'auto' && spanDays(scope, days) > autoDays ? 'week' : asked
  const trend =
    interval === asked ? days : await histogramsFor(db, scope, metric, { by: 'period', interval })
  const histogram = overall.get('') ?? []
  const segmentRows = segments ? scoreGroups(metric, segments) : []
  segmentRows.sort((a, b) => b.n - a.n || String(a.key).localeCompare(String(b.key)))
  return {
    score: scoreHistogram(metric, histogram),
    distribution: distributionOf(metric, histogram),
    interval,
    trend: scoreGroups(metric, trend),
    segment: segment
      ? {
          name: segment.name,
          rows: segmentRows.slice(0, maxSegments),
          truncated: segmentRows.length > maxSegments,
        }
      : null,
  }
}

// The days the trend covers: the range asked for, else from the first day answered to the last.
function spanDays(scope: Scope, days: Map<string | null, Histogram>): number {
  const keys = [...days.keys()].filter((key): key is string => key !== null).sort()
  if (keys.length === 0) return 0
  const start = Date.parse(scope.from ?? `${keys[0]}T00:00:00Z`)
  const end = scope.to ? Date.parse(scope.to) : Date.parse(`${keys.at(-1)}T00:00:00Z`) + dayMs
  return (end - start) / dayMs
}

function scoreGroups(metric: MetricSpec, groups: Map<string | null, Histogram>): ScoredGroup[] {
  return [...groups].map(([key, histogram]) => {
    const score = scoreHistogram(metric, histogram)
    return { key, ...headline(score), score }
  })
}

function distributionOf(metric: MetricSpec, histogram: Histogram) {
  const counts = new Map(histogram)
  return scalePoints(metric).map((value) => ({ value, count: counts.get(value) ?? 0 }))
}
