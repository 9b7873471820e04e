import type { Config } from '@sonde/core'
import type { Queryable } from '../db/database'

/** A survey with results or in the config, for the dashboard's picker. */
export interface SurveySummary {
  surveyId: string
  kind: string | null
  responses: number
  answered: number
  lastAt: string | null
}

/** Lists a project's surveys: those in its config first, then any others that have responses. */
export async function listSurveys(
  db: Queryable,
  project: string,
  config: Config | undefined,
): Promise<SurveySummary[]> {
  const rows = await db.query<{
    survey_id: string
    kind: string | null
    responses: number
    answered: number
    last_at: Date | null
  }>(
    `select survey_id, max(metric_kind) as kind, count(*)::int as responses,
       count(answered_at)::int as answered, max(last_at) as last_at
     from responses where project = $1 group by survey_id order by survey_id`,
    [project],
  )
  const byId = new Map(rows.map((row) => [row.survey_id, row]))
  const configured = (config?.surveys ?? []).map((survey) => survey.id)
  const ids = [...new Set([...configured, ...rows.map((row) => row.survey_id)])]
  return ids.map((surveyId) => {
    const row = byId.get(surveyId)
    const survey = config?.surveys?.find((item) => item.id === surveyId)
    return {
      surveyId,
      kind: survey?.kind ?? row?.kind ?? null,
      responses: row?.responses ?? 0,
      answered: row?.answered ?? 0,
      lastAt: row?.last_at ? new Date(row.last_at).toISOString() : null,
    }
  })
}
