import type { SondeEvent } from '../schema/event'
import { measureJson } from './measureJson'
import type { OutboxRecord } from './types'

/** A fresh record for `event`, due now. */
export function createRecord(event: SondeEvent, now: number): OutboxRecord {
  return {
    event,
    bytes: measureJson(event),
    state: 'queued',
    attempts: 0,
    nextAttemptAt: now,
    queuedAt: now,
  }
}
