import type { Queryable } from '../db/database'
import { createParams } from './params'
import type { Scope } from './scope'

/**
 * How many events the project's devices reported lost (evicted from the outbox unsent) on the
 * UTC days of receipt that the scope's range touches. Batches carry the count for the project,
 * not per survey, so every survey of the project reports the same number.
 */
export async function loadDropped(db: Queryable, scope: Scope): Promise<number> {
  const params = createParams()
  const where = [`project = ${params.add(scope.project)}`]
  if (scope.from) {
    where.push(`day >= (${params.add(scope.from)}::timestamptz at time zone 'UTC')::date`)
  }
  if (scope.to) where.push(`day < (${params.add(scope.to)}::timestamptz at time zone 'UTC')`)
  const [row] = await db.query<{ n: number }>(
    `select coalesce(sum(n), 0)::float8 as n from dropped_events where ${where.join(' and ')}`,
    params.values,
  )
  return Number(row?.n ?? 0)
}
