import type { Queryable } from '../db/database'
import { createParams } from './params'
import type { Scope } from './scope'

/** How far a scope's responses got: shown at all, answered at least once, completed. */
export interface ResponseCounts {
  responses: number
  answered: number
  completed: number
  dismissed: number
}

/**
 * Counts a scope's responses by how far they got. A response is placed at the time it was
 * answered, as its score is, so a range never has fewer answered responses than scores; one
 * never answered, which has no such time, at its latest event.
 */
export async function loadCounts(db: Queryable, scope: Scope): Promise<ResponseCounts> {
  const params = createParams()
  const where = [
    `project = ${params.add(scope.project)}`,
    `survey_id = ${params.add(scope.surveyId)}`,
  ]
  const at = 'coalesce(answered_at, last_at)'
  if (scope.from) where.push(`${at} >= ${params.add(scope.from)}::timestamptz`)
  if (scope.to) where.push(`${at} < ${params.add(scope.to)}::timestamptz`)
  const [row] = await db.query<ResponseCounts>(
    `select count(*)::int as responses,
       count(answered_at)::int as answered,
       count(*) filter (where status = 'completed')::int as completed,
       count(*) filter (where status = 'dismissed')::int as dismissed
     from responses where ${where.join(' and ')}`,
    params.values,
  )
  return row ?? { responses: 0, answered: 0, completed: 0, dismissed: 0 }
}
