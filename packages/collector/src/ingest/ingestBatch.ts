import type { Batch, BatchReply, Config, SondeEvent } from '@sonde/core'
import type { Database } from '../db/database'
import { admitResponses, countRefused, type ResponseStarts } from './admitResponses'
import { checkEvent } from './checkEvent'
import type { QuestionAllowance } from './createQuestionAllowance'
import type { SurveyAllowance } from './createSurveyAllowance'
import { onCollectorClock } from './deviceClock'
import type { ProjectData } from './foundStored'
import { responseRow } from './responseRow'
import { sanitizeJson } from './sanitizeJson'
import { type StoredEvent, storeEvents } from './storeEvents'

/**
 * Stores a batch that passed the schema: each event is checked on its own, the good ones are
 * stored in one transaction with the batch's `dropped` count, and the reply lists every id as
 * accepted (stored now or before) or rejected with its reason, as DESIGN.md's wire format says.
 *
 * @param data the project: its key, and how many times its data was erased (see
 *   `createFoundStored`).
 * @param config the project's config, used to score events that carry answers but no metric.
 * @param surveys the surveys outside its config the project may still get answers to: events of
 *   others are refused.
 * @param questions the questions outside its config each survey may still get answers to: events
 *   answering others are refused.
 * @param receivedAt when the batch arrived, by which each event's time is put on the collector's
 *   clock (see `onCollectorClock`).
 * @param starts the client network's allowance of new responses: events of others are refused.
 */
export async function ingestBatch(
  db: Database,
  data: ProjectData,
  batch: Batch,
  config: Config | undefined,
  surveys: SurveyAllowance,
  questions: QuestionAllowance,
  receivedAt: number,
  starts: ResponseStarts,
): Promise<BatchReply> {
  const project = data.key
  const rejected: BatchReply['rejected'] = []
  const checked: Array<{ id: string; event: SondeEvent }> = []
  for (const raw of batch.events) {
    const clean = sanitizeJson(raw)
    const reason = clean.ok ? checkEvent(clean.value) : clean.reason
    if (clean.ok && reason === null) {
      const at = onCollectorClock(clean.value.at, batch.sentAt, receivedAt)
      checked.push({ id: raw.id, event: { ...clean.value, at } })
    } else rejected.push({ id: raw.id, reason: reason ?? 'invalid' })
  }
  const refused = await surveys.refused(
    data,
    checked.flatMap(({ event }) => (event.surveyId ? [event.surveyId] : [])),
    config?.surveys?.map((survey) => survey.id) ?? [],
    starts.network,
  )
  const answering = new Map<string, Array<{ id: string; event: SondeEvent }>>()
  for (const entry of checked) {
    const surveyId = entry.event.surveyId
    if (surveyId === undefined || refused.has(surveyId)) continue
    const entries = answering.get(surveyId) ?? []
    answering.set(surveyId, entries)
    entries.push(entry)
  }
  const overQuestion = new Map<string, { questionId: string; why: string }>()
  for (const [surveyId, entries] of answering) {
    const over = await questions.refused(
      data,
      surveyId,
      entries.map(({ event }) => questionIdsOf(event)),
      surveyOf(surveyId, config)?.questions.map((question) => question.id) ?? [],
      starts.network,
    )
    for (const [i, refusal] of over.entries()) {
      if (refusal !== undefined) overQuestion.set(entries[i]!.id, refusal)
    }
  }
  // The responses of the events the checks above have not refused.
  const starting = checked.flatMap(({ id, event }) =>
    event.responseId === undefined ||
    overQuestion.has(id) ||
    (event.surveyId !== undefined && refused.has(event.surveyId))
      ? []
      : [event.responseId],
  )
  const admission = await admitResponses(db, project, starting, starts)
  const overResponses = new Map<string, Set<string>>()
  const accepted = new Set<string>()
  const kept: StoredEvent[] = []
  for (const { id, event } of checked) {
    const outside = event.surveyId === undefined ? undefined : refused.get(event.surveyId)
    if (outside !== undefined) {
      rejected.push({ id, reason: outside })
      continue
    }
    const question = overQuestion.get(id)
    if (question !== undefined) {
      const i = questionIdsOf(event).indexOf(question.questionId)
      const reason = `answers[${i}].questionId: "${question.questionId}" is not a question of survey "${event.surveyId}" in the project's config, which ${question.why}`
      rejected.push({ id, reason })
      continue
    }
    if (event.responseId !== undefined && admission.refused.has(event.responseId)) {
      const reason = `responseId: this network has sent ${starts.allowance.perDay} new responses of this project today, the most it may`
      rejected.push({ id, reason })
      const survey = event.surveyId ?? ''
      const counted = overResponses.get(survey) ?? new Set()
      if (counted.has(event.responseId) || starts.counted.first(project, event.responseId)) {
        overResponses.set(survey, counted.add(event.responseId))
      }
      continue
    }
    kept.push({ event, response: responseRow(event, surveyOf(event.surveyId, config)) })
    // The id as sent, even if cleaning changed it: the SDK matches acks by its own ids.
    accepted.add(id)
  }
  let created = 0
  try {
    created = await storeEvents(db, project, kept, batch.dropped ?? 0)
  } finally {
    admission.settle(created)
  }
  await countRefused(db, project, overResponses)
  for (const { event } of kept) {
    if (event.surveyId !== undefined) {
      questions.stored(data, event.surveyId, questionIdsOf(event))
    }
  }
  return { accepted: [...accepted], rejected }
}

function questionIdsOf(event: SondeEvent): string[] {
  return (event.answers ?? []).map((answer) => answer.questionId)
}

function surveyOf(surveyId: string | undefined, config: Config | undefined) {
  return config?.surveys?.find((survey) => survey.id === surveyId)
}
