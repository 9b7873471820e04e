import type { OutboxRecord } from './types'

/**
 * Orders records oldest first: by enqueue time, then by id (UUIDv7 ids sort by creation time,
 * which breaks ties between events queued in the same millisecond).
 */
export function compareAge(a: OutboxRecord, b: OutboxRecord): number {
  if (a.queuedAt !== b.queuedAt) return a.queuedAt - b.queuedAt
  return a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0
}
