import type { Queryable } from '../db/database'
import { createParams, type Params } from './params'
import { type Scope, scopeSql, scoredSql } from './scope'
import type { Histogram, MetricSpec } from './scoreHistogram'

/** Builds the SQL of a grouping from the shared parameter list. */
export type GroupSql = (params: Params) => string

/**
 * Counts the scored responses of a scope per score, split by a grouping (a day, a segment value),
 * in one query. Groups come back in the order of their SQL text; a `null` group is kept as `null`.
 */
export async function loadHistograms(
  db: Queryable,
  scope: Scope,
  metric: MetricSpec,
  group: GroupSql = () => `''`,
): Promise<Map<string | null, Histogram>> {
  const params = createParams()
  const groupExpression = group(params)
  const rows = await db.query<{ grp: string | null; score: number; n: number }>(
    `select ${groupExpression} as grp, r.score, count(*)::int as n
     from responses r
     where ${scopeSql(scope, params)} and ${scoredSql(metric, params)}
     group by 1, 2 order by 1, 2`,
    params.values,
  )
  return toHistograms(rows)
}

/** Histograms per group out of `(grp, score, n)` rows sorted by group, then score. */
export function toHistograms(
  rows: ReadonlyArray<{ grp: string | null; score: number; n: number }>,
): Map<string | null, Histogram> {
  const groups = new Map<string | null, Array<[number, number]>>()
  for (const row of rows) {
    const list = groups.get(row.grp) ?? []
    list.push([Number(row.score), Number(row.n)])
    groups.set(row.grp, list)
  }
  return groups
}
