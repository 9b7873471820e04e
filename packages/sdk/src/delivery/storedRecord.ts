import type { OutboxRecord } from '@sonde/core'

/** The keys of records start with it (the meta values live beside them under another). */
export const RECORD_PREFIX = 'e:'

/** The shape of a record on disk. A migration bumps `v`; it never drops the outbox. */
export const RECORD_VERSION = 1

export interface StoredRecord {
  v: typeof RECORD_VERSION
  record: OutboxRecord
}

/**
 * Whether a stored value is a record of a later version, queued by a newer Sonde sharing the
 * database (tabs of two releases during a deploy, a cached sonde.js): left for it, unread.
 */
export function isLaterRecord(value: unknown): boolean {
  const v = (value as Partial<Record<'v', unknown>> | null)?.v
  return Number.isInteger(v) && (v as number) > RECORD_VERSION
}

const states = new Set(['queued', 'leased', 'retry'])
const isCount = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0

/** The record inside a stored value, or null when it is corrupt or of a version never written. */
export function readStoredRecord(value: unknown): OutboxRecord | null {
  if (typeof value !== 'object' || value === null) return null
  const { v, record } = value as Partial<StoredRecord>
  if (v !== RECORD_VERSION || typeof record !== 'object' || record === null) return null
  const r = record as Partial<OutboxRecord>
  const fieldsOk =
    states.has(r.state as string) &&
    isCount(r.bytes) &&
    isCount(r.attempts) &&
    isCount(r.queuedAt) &&
    typeof r.nextAttemptAt === 'number' &&
    (r.leaseUntil === undefined || typeof r.leaseUntil === 'number')
  // The event is checked for what the outbox reads (its id and type), not against the full
  // schema: that would put zod on every page, and a receiver refuses a bad event on its own
  // (`rejected` in its reply), which drops and reports it without holding up the others.
  const event = r.event as { id?: unknown; type?: unknown } | null | undefined
  const eventOk = typeof event?.id === 'string' && typeof event.type === 'string'
  return fieldsOk && eventOk ? (record as OutboxRecord) : null
}
