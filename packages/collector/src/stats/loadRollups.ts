import type { Queryable } from '../db/database'
import type { ResponseCounts } from './loadCounts'
import { toHistograms } from './loadHistograms'
import { createParams, type Params } from './params'
import type { Scope } from './scope'
import type { Histogram, MetricSpec } from './scoreHistogram'

/** How rolled-up answers are grouped: not at all, by trend period, or by a segment's value. */
export type RollupGroup =
  | { by: 'all' }
  | { by: 'period'; interval: 'day' | 'week' }
  | { by: 'segment'; name: string }

/** The segments the rollups count (see the rollup migration); the others need the responses. */
export const rolledUpSegments: ReadonlySet<string> = new Set([
  'device',
  'locale',
  'path',
  'appVersion',
  'plan',
  'known',
  'status',
  'surveyVersion',
])

const dayMs = 86_400_000

/** Whether daily rollups can answer a scope: each bound, if any, falls on a UTC midnight. */
export function rollupsCover(scope: Scope): boolean {
  const midnight = (time: string | undefined) =>
    time === undefined || Date.parse(time) % dayMs === 0
  return midnight(scope.from) && midnight(scope.to)
}

// The bounds as UTC days: `from` is the first day counted, `to` the first day left out.
function dayRange(scope: Scope, params: Params): string[] {
  const day = (time: string) => params.add(new Date(time).toISOString().slice(0, 10))
  return [
    ...(scope.from ? [`day >= ${day(scope.from)}::date`] : []),
    ...(scope.to ? [`day < ${day(scope.to)}::date`] : []),
  ]
}

/**
 * The histograms {@link loadHistograms} would count from `responses`, read from the daily
 * rollup instead: a few thousand rows for a year of answers however many responses there are.
 * Groups whose counts came back to zero (answers moved to another day or value) are left out.
 */
export async function loadRolledHistograms(
  db: Queryable,
  scope: Scope,
  metric: MetricSpec,
  group: RollupGroup,
): Promise<Map<string | null, Histogram>> {
  const params = createParams()
  const where = [
    `project = ${params.add(scope.project)}`,
    `survey_id = ${params.add(scope.surveyId)}`,
    `segment = ${params.add(group.by === 'segment' ? group.name : '')}`,
    `metric_kind = ${params.add(metric.kind)}`,
    `scale = ${params.add(metric.scale)}`,
    ...dayRange(scope, params),
  ]
  // The same keys as the SQL over responses: ISO dates of periods, segment values as text.
  const key =
    group.by === 'all'
      ? `''`
      : group.by === 'period'
        ? `to_char(date_trunc(${params.add(group.interval)}, day::timestamp), 'YYYY-MM-DD')`
        : `case when recorded then value end`
  const rows = await db.query<{ grp: string | null; score: number; n: number }>(
    `select ${key} as grp, score, sum(n)::int as n from score_rollup
     where ${where.join(' and ')}
     group by 1, 2 having sum(n) > 0 order by 1, 2`,
    params.values,
  )
  return toHistograms(rows)
}

/** The counts {@link loadCounts} would make, from the daily rollup of statuses. */
export async function loadRolledCounts(db: Queryable, scope: Scope): Promise<ResponseCounts> {
  const params = createParams()
  const where = [
    `project = ${params.add(scope.project)}`,
    `survey_id = ${params.add(scope.surveyId)}`,
    ...dayRange(scope, params),
  ]
  const [row] = await db.query<ResponseCounts>(
    `select coalesce(sum(n), 0)::int as responses,
       coalesce(sum(n) filter (where answered), 0)::int as answered,
       coalesce(sum(n) filter (where status = 'completed'), 0)::int as completed,
       coalesce(sum(n) filter (where status = 'dismissed'), 0)::int as dismissed
     from status_rollup where ${where.join(' and ')}`,
    params.values,
  )
  return row ?? { responses: 0, answered: 0, completed: 0, dismissed: 0 }
}
