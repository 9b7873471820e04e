import type { OutboxRecord } from './types'

/**
 * Orders records oldest first: by enqueue time, then by id, so every tab orders records queued in
 * the same millisecond alike (UUIDv7's bits after the millisecond are random, not a counter: this
 * is not their order of creation, which the collector takes from each response's `seq`).
 */
export function compareAge(a: OutboxRecord, b: OutboxRecord): number {
  if (a.queuedAt !== b.queuedAt) return a.queuedAt - b.queuedAt
  return a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0
}
