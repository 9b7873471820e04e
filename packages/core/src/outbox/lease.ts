import type { OutboxRecord } from './types'

/**
 * Copies of `records` leased until `now + leaseMs`. Persisted before a send, a lease keeps other
 * tabs from sending the same records when Web Locks are missing; it is advisory, not atomic, and
 * the event ids make a duplicate send harmless.
 */
export function lease(
  records: readonly OutboxRecord[],
  now: number,
  leaseMs: number,
): OutboxRecord[] {
  return records.map((record) => ({ ...record, state: 'leased', leaseUntil: now + leaseMs }))
}

/** A leased record given back unsent, as it was before the lease. */
export function release(record: OutboxRecord): OutboxRecord {
  const { leaseUntil: _lease, ...rest } = record
  return { ...rest, state: record.attempts > 0 ? 'retry' : 'queued' }
}
