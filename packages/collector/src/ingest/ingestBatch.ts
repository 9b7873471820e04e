import type { Batch, BatchReply, Config, SondeEvent } from '@sonde/core'
import type { Database } from '../db/database'
import { checkEvent } from './checkEvent'
import { responseRow } from './responseRow'
import { sanitizeJson } from './sanitizeJson'
import { type StoredEvent, storeEvents } from './storeEvents'

/**
 * Stores a batch that passed the schema: each event is checked on its own, the good ones are
 * stored in one transaction with the batch's `dropped` count, and the reply lists every id as
 * accepted (stored now or before) or rejected with its reason, as DESIGN.md's wire format says.
 *
 * @param config the project's config, used to score events that carry answers but no metric.
 */
export async function ingestBatch(
  db: Database,
  project: string,
  batch: Batch,
  config: Config | undefined,
): Promise<BatchReply> {
  const accepted = new Set<string>()
  const rejected: BatchReply['rejected'] = []
  const kept: StoredEvent[] = []
  for (const raw of batch.events) {
    const clean = sanitizeJson(raw)
    const reason = clean.ok ? checkEvent(clean.value) : clean.reason
    if (!clean.ok || reason !== null) {
      rejected.push({ id: raw.id, reason: reason ?? 'invalid' })
      continue
    }
    const survey = surveyOf(clean.value, config)
    kept.push({ event: clean.value, response: responseRow(clean.value, survey) })
    // The id as sent, even if cleaning changed it: the SDK matches acks by its own ids.
    accepted.add(raw.id)
  }
  await storeEvents(db, project, kept, batch.dropped ?? 0)
  return { accepted: [...accepted], rejected }
}

function surveyOf(event: SondeEvent, config: Config | undefined) {
  return config?.surveys?.find((survey) => survey.id === event.surveyId)
}
