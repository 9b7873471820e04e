import {
  type Answer,
  type EventType,
  metricFor,
  type SondeEvent,
  type Survey,
  type WireMetric,
} from '@sonde/core'

/** The score a survey of kind nps/csat/ces reports, from its first question of the matching type. */
export function surveyMetric(survey: Survey, answers: readonly Answer[]): WireMetric | undefined {
  const type = { nps: 'nps', csat: 'rating', ces: 'ces', custom: null }[survey.kind]
  const question = survey.questions.find((q) => q.type === type)
  if (survey.kind === 'custom' || !question) return undefined
  const value = answers.find((a) => a.questionId === question.id)?.value
  if (typeof value !== 'number') return undefined
  const scale = 'scale' in question ? question.scale : undefined
  return metricFor(survey.kind, value, scale) ?? undefined
}

/** One survey event on the wire; `id` is fresh, the rest identifies the response. */
export function buildSurveyEvent(
  type: EventType,
  survey: Survey,
  response: { id: string; seq: number; answers: readonly Answer[] },
  extra: { id: string; at: string; reason?: string; withMetric?: boolean },
): SondeEvent {
  const metric = extra.withMetric ? surveyMetric(survey, response.answers) : undefined
  return {
    id: extra.id,
    type,
    at: extra.at,
    surveyId: survey.id,
    surveyVersion: survey.version,
    responseId: response.id,
    seq: response.seq,
    ...(response.answers.length > 0 ? { answers: response.answers.map((a) => ({ ...a })) } : {}),
    ...(metric ? { metric } : {}),
    ...(extra.reason ? { reason: extra.reason } : {}),
  }
}
