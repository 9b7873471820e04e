import type { Batch, BatchReply, Config, SondeEvent } from '@sonde/core'
import type { Database } from '../db/database'
import { checkEvent } from './checkEvent'
import type { SurveyAllowance } from './createSurveyAllowance'
import { responseRow } from './responseRow'
import { sanitizeJson } from './sanitizeJson'
import { type StoredEvent, storeEvents } from './storeEvents'

/**
 * Stores a batch that passed the schema: each event is checked on its own, the good ones are
 * stored in one transaction with the batch's `dropped` count, and the reply lists every id as
 * accepted (stored now or before) or rejected with its reason, as DESIGN.md's wire format says.
 *
 * @param config the project's config, used to score events that carry answers but no metric.
 * @param surveys the surveys outside its config the project may still get answers to: events of
 *   others are refused.
 */
export async function ingestBatch(
  db: Database,
  project: string,
  batch: Batch,
  config: Config | undefined,
  surveys: SurveyAllowance,
): Promise<BatchReply> {
  const rejected: BatchReply['rejected'] = []
  const checked: Array<{ id: string; event: SondeEvent }> = []
  for (const raw of batch.events) {
    const clean = sanitizeJson(raw)
    const reason = clean.ok ? checkEvent(clean.value) : clean.reason
    if (clean.ok && reason === null) checked.push({ id: raw.id, event: clean.value })
    else rejected.push({ id: raw.id, reason: reason ?? 'invalid' })
  }
  const refused = await surveys.refused(
    project,
    checked.flatMap(({ event }) => (event.surveyId ? [event.surveyId] : [])),
    config?.surveys?.map((survey) => survey.id) ?? [],
  )
  const accepted = new Set<string>()
  const kept: StoredEvent[] = []
  for (const { id, event } of checked) {
    if (event.surveyId !== undefined && refused.has(event.surveyId)) {
      const reason = `surveyId: "${event.surveyId}" is not in the project's config, which already has ${surveys.max} surveys outside it`
      rejected.push({ id, reason })
      continue
    }
    kept.push({ event, response: responseRow(event, surveyOf(event, config)) })
    // The id as sent, even if cleaning changed it: the SDK matches acks by its own ids.
    accepted.add(id)
  }
  await storeEvents(db, project, kept, batch.dropped ?? 0)
  return { accepted: [...accepted], rejected }
}

function surveyOf(event: SondeEvent, config: Config | undefined) {
  return config?.surveys?.find((survey) => survey.id === event.surveyId)
}
