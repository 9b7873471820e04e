import type { Config } from '@sonde/core'
import type { Queryable } from '../db/database'

/** A survey with results or in the config, for the dashboard's picker. */
export interface SurveySummary {
  surveyId: string
  kind: string | null
  responses: number
  answered: number
  /** The latest event of its responses (a deleted response's may still count). */
  lastAt: string | null
  /** Whether the project's config lists it: those it does not have ended or been removed. */
  configured: boolean
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
    // From each survey's totals, kept with the rollups: a list of surveys must read neither the
    // responses nor a year of daily rollup rows (1,200 a survey). The kind is its latest day's,
    // found backwards through the score rollup's key (a few rows per survey).
    `select t.survey_id, (select metric_kind from score_rollup r
         where r.project = t.project and r.survey_id = t.survey_id and segment = '' and n > 0
         order by day desc, metric_kind desc limit 1) as kind,
       t.responses::int as responses, t.answered::int as answered, t.last_at
     from survey_totals t where t.project = $1 and t.responses > 0 order by t.survey_id`,
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
      configured: survey !== undefined,
    }
  })
}
