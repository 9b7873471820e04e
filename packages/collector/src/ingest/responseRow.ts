import { type Answer, metricFor, type SondeEvent, type Survey, type WireMetric } from '@sonde/core'
import { scoreQuestion } from './scoreQuestion'
import { type SegmentFields, segmentFields } from './segmentFields'

/**
 * What one event says about its response. Rows for the same response merge by two rules (here
 * and in SQL): the latest event by (seq, event id) decides status and context; the latest event
 * that carried answers decides answers and score. A dismissal after two answers keeps them, and
 * the result is the same whatever order the events arrive in. The answers are dated by the first
 * event that carried them as they stand: the SDK's dismissal repeats the answers given so far,
 * which does not answer them again.
 */
export interface ResponseRow extends SegmentFields {
  responseId: string
  surveyId: string
  surveyVersion: number | null
  status: string
  seq: number
  eventId: string
  lastAt: string
  context: unknown
  /** `null` when the event carried no answers: it then leaves the stored answers alone. */
  answered: AnsweredPart | null
}

/** The answer half of a {@link ResponseRow}. */
export interface AnsweredPart {
  answers: Answer[]
  seq: number
  eventId: string
  at: string
  metricKind: WireMetric['kind'] | null
  score: number | null
  scale: number | null
  bucket: string | null
}

/**
 * The response row of a survey event with a `responseId`, or `null` for other events. The score
 * comes from the event's metric, or, when it has none, from the answer to the survey's scored
 * question in the project's config, through core's `metricFor`.
 */
export function responseRow(event: SondeEvent, survey: Survey | undefined): ResponseRow | null {
  if (!event.type.startsWith('survey.') || !event.responseId || !event.surveyId) return null
  const seq = event.seq ?? 0
  const at = new Date(event.at).toISOString()
  const answers = event.answers ?? []
  const metric = event.metric ?? deriveMetric(answers, survey)
  return {
    responseId: event.responseId,
    surveyId: event.surveyId,
    surveyVersion: event.surveyVersion ?? null,
    status: event.type.slice('survey.'.length),
    seq,
    eventId: event.id,
    lastAt: at,
    context: event.context ?? null,
    ...segmentFields(event.context),
    answered:
      answers.length === 0 && !metric
        ? null
        : { answers, seq, eventId: event.id, at, ...metricColumns(metric) },
  }
}

/** Merges two rows of one response by the rules of {@link ResponseRow}. */
export function mergeResponseRows(a: ResponseRow, b: ResponseRow): ResponseRow {
  const latest = isLater(b, a) ? b : a
  const answered = !a.answered
    ? b.answered
    : !b.answered || isLater(a.answered, b.answered)
      ? a.answered
      : b.answered
  if (!a.answered || !b.answered || !sameAnswers(a.answered.answers, b.answered.answers)) {
    return { ...latest, answered }
  }
  // ISO times of one format: the first in order is the earliest.
  const [at = a.answered.at] = [a.answered.at, b.answered.at].sort()
  return { ...latest, answered: answered && { ...answered, at } }
}

// As SQL compares jsonb: the same questions with the same values, in any key order.
function sameAnswers(a: Answer[], b: Answer[]): boolean {
  const text = (answers: Answer[]) =>
    JSON.stringify(
      answers.map((answer) => Object.entries(answer).sort(([x], [y]) => (x < y ? -1 : 1))),
    )
  return text(a) === text(b)
}

function isLater(a: { seq: number; eventId: string }, b: { seq: number; eventId: string }) {
  return a.seq > b.seq || (a.seq === b.seq && compareCodePoints(a.eventId, b.eventId) > 0)
}

/**
 * Orders strings by code point, which is the order of their UTF-8 bytes and so of SQL's
 * `collate "C"`: the upsert breaks the same ties across batches as this does within one. `<` on
 * strings compares UTF-16 code units instead, which puts U+E000…U+FFFF after every character
 * above U+FFFF (stored as surrogates, 0xD800…0xDFFF).
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x !== y) return codePointRank(x) - codePointRank(y)
  }
  return a.length - b.length
}

// At the first unit that differs, a surrogate starts a character above U+FFFF: it ranks above
// U+E000…U+FFFF, and the units below U+D800 keep their place.
function codePointRank(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800
  if (unit >= 0xd800) return unit + 0x2000
  return unit
}

function deriveMetric(answers: Answer[], survey: Survey | undefined): WireMetric | null {
  const question = survey ? scoreQuestion(survey) : null
  if (!question) return null
  const answer = answers.find((item) => item.questionId === question.id)
  return answer ? metricFor(question.kind, answer.value, question.scale) : null
}

function metricColumns(metric: WireMetric | null) {
  if (!metric) return { metricKind: null, score: null, scale: null, bucket: null }
  switch (metric.kind) {
    case 'nps':
      return { metricKind: metric.kind, score: metric.score, scale: 10, bucket: metric.bucket }
    case 'csat':
      return {
        metricKind: metric.kind,
        score: metric.score,
        scale: metric.scale,
        bucket: metric.satisfied ? 'satisfied' : 'unsatisfied',
      }
    case 'ces':
      return {
        metricKind: metric.kind,
        score: metric.score,
        scale: metric.scale,
        bucket: metric.agree ? 'agree' : 'disagree',
      }
  }
}
