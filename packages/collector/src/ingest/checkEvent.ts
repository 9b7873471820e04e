import { CES_SCALES, metricFor, RATING_SCALES, type SondeEvent, type WireMetric } from '@sonde/core'

/** Longest id stored in an indexed column: PostgreSQL's btree refuses keys over ~2.7 KB. */
export const MAX_ID_LENGTH = 128

/**
 * Longest answer text stored: the most a text question's `maxLength` allows (core's question
 * schema), in UTF-16 units as the input counts them. The stats API returns up to 1,000
 * verbatims, so one client's megabyte answers made every read of the survey slow and huge.
 */
export const MAX_TEXT_LENGTH = 10_000

// Times PostgreSQL's timestamptz can hold that a real event can have.
const earliest = Date.UTC(1970, 0, 1)
const latest = Date.UTC(9999, 11, 31)

/**
 * The semantic checks the schema cannot express, so one bad event is refused with a reason while
 * the rest of its batch is stored: survey events name their survey, answered and completed
 * events their response, a metric agrees with core's scoring of its own score.
 *
 * @returns the reason to reject the event, or `null` when it can be stored.
 */
export function checkEvent(event: SondeEvent): string | null {
  const time = Date.parse(event.at)
  if (!(time >= earliest && time <= latest)) return 'at: expected a time from 1970 to 9999'
  for (const field of ['surveyId', 'responseId', 'tourId', 'stepId'] as const) {
    const value = event[field]
    if (value !== undefined && (value.length === 0 || value.length > MAX_ID_LENGTH)) {
      return `${field}: expected 1–${MAX_ID_LENGTH} characters`
    }
    // A browser rewrites "." and ".." in /v1/stats/{surveyId} before sending, whatever the
    // escaping: stored, such a survey would be listed and never readable.
    if (value === '.' || value === '..') return `${field}: "${value}" cannot name anything`
  }
  if (event.type.startsWith('survey.') && !event.surveyId) {
    return `surveyId: required for ${event.type}`
  }
  if (event.type.startsWith('tour.') && !event.tourId) return `tourId: required for ${event.type}`
  if (
    (event.type === 'survey.answered' || event.type === 'survey.completed') &&
    !event.responseId
  ) {
    return `responseId: required for ${event.type}`
  }
  return checkAnswers(event) ?? (event.metric ? checkMetric(event.metric) : null)
}

// Core's survey schema allows no more questions. Each question id is a column of every row the
// CSV export writes: one request of a thousand made-up ids widened every export for good.
export const MAX_ANSWERS = 30

function checkAnswers(event: SondeEvent): string | null {
  const answers = event.answers ?? []
  if (answers.length > MAX_ANSWERS) {
    return `answers: at most ${MAX_ANSWERS}, the most questions a survey has`
  }
  const seen = new Set<string>()
  for (const [i, answer] of answers.entries()) {
    const length = answer.questionId.length
    if (length === 0 || length > MAX_ID_LENGTH) {
      return `answers[${i}].questionId: expected 1–${MAX_ID_LENGTH} characters`
    }
    if (seen.has(answer.questionId)) {
      return `answers[${i}].questionId: "${answer.questionId}" answered twice`
    }
    seen.add(answer.questionId)
    for (const field of ['value', 'other'] as const) {
      const text = answer[field]
      if (typeof text === 'string' && text.length > MAX_TEXT_LENGTH) {
        return `answers[${i}].${field}: longer than ${MAX_TEXT_LENGTH} characters`
      }
    }
  }
  return null
}

// The scales a question can have. A survey gone from the config is scored on the scale its
// answers carry, and scoring allocates per scale point: one event claiming a scale of 2^40 made
// that survey's stats fail for good.
const allowedScales: Record<'csat' | 'ces', readonly number[]> = {
  csat: RATING_SCALES,
  ces: CES_SCALES,
}

// The SDK computes the metric with core's metricFor; one that disagrees with it was made by
// something else and would skew the aggregates.
function checkMetric(metric: WireMetric): string | null {
  const scale = metric.kind === 'nps' ? undefined : metric.scale
  if (metric.kind !== 'nps' && !allowedScales[metric.kind].includes(metric.scale)) {
    const list = allowedScales[metric.kind]
    const names = `${list.slice(0, -1).join(', ')} or ${list.at(-1)}`
    return `metric.scale: expected ${names} for ${metric.kind}`
  }
  const expected = metricFor(metric.kind, metric.score, scale)
  if (expected === null) return `metric.score: ${metric.score} is not a valid ${metric.kind} score`
  for (const [field, value] of Object.entries(expected)) {
    if (metric[field as keyof WireMetric] !== value) {
      return `metric.${field}: expected ${JSON.stringify(value)} for score ${metric.score}`
    }
  }
  return null
}
