import type { Queryable } from '../db/database'
import { createParams } from './params'
import type { Scope } from './scope'

/**
 * How many events the project's devices reported lost (evicted from the outbox unsent) on the
 * UTC days of receipt that the scope's range touches. Batches carry the count for the project,
 * not per survey, so every survey of the project reports the same number.
 */
export function loadDropped(db: Queryable, scope: Scope): Promise<number> {
  return sumOfDays(db, scope, 'dropped_events')
}

/**
 * How many new responses of the survey the collector refused, on the UTC days of receipt that
 * the scope's range touches, from client networks past their allowance of the day
 * (`limits.responsesPerNetworkPerDay`).
 */
export function loadRefused(db: Queryable, scope: Scope): Promise<number> {
  return sumOfDays(db, scope, 'refused_responses')
}

async function sumOfDays(
  db: Queryable,
  scope: Scope,
  table: 'dropped_events' | 'refused_responses',
): Promise<number> {
  const params = createParams()
  const where = [`project = ${params.add(scope.project)}`]
  if (table === 'refused_responses') where.push(`survey_id = ${params.add(scope.surveyId)}`)
  if (scope.from) {
    where.push(`day >= (${params.add(scope.from)}::timestamptz at time zone 'UTC')::date`)
  }
  if (scope.to) where.push(`day < (${params.add(scope.to)}::timestamptz at time zone 'UTC')`)
  const [row] = await db.query<{ n: number }>(
    `select coalesce(sum(n), 0)::float8 as n from ${table} where ${where.join(' and ')}`,
    params.values,
  )
  return Number(row?.n ?? 0)
}
