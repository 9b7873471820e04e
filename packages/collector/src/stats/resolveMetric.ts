import type { Survey } from '@sonde/core'
import type { Queryable } from '../db/database'
import { scoreQuestion } from '../ingest/scoreQuestion'
import type { MetricSpec } from './scoreHistogram'

/**
 * Which metric a survey reports: its scored question in the config when the survey is there,
 * otherwise the kind and scale most of its stored responses carry (a survey removed from the
 * config still has results). `null` when neither says.
 */
export async function resolveMetric(
  db: Queryable,
  project: string,
  surveyId: string,
  survey: Survey | undefined,
): Promise<MetricSpec | null> {
  const question = survey ? scoreQuestion(survey) : null
  if (question) return { kind: question.kind, scale: question.scale ?? 10 }
  // From the rollup of the whole survey, which counts the same scored responses.
  const [row] = await db.query<{ metric_kind: MetricSpec['kind']; scale: number }>(
    `select metric_kind, scale from score_rollup
     where project = $1 and survey_id = $2 and segment = ''
     group by metric_kind, scale having sum(n) > 0
     order by sum(n) desc, metric_kind, scale limit 1`,
    [project, surveyId],
  )
  return row ? { kind: row.metric_kind, scale: Number(row.scale) } : null
}
