import { compareAge, type OutboxRecord } from '@sonde/core'
import type { KeyValue } from '../context/keyValue'
import { isLaterRecord, RECORD_VERSION, readStoredRecord } from './storedRecord'

/**
 * The key, in the outbox's localStorage namespace (`<database>:`), of the records a page going
 * away could not be sure were stored. localStorage, not IndexedDB: its writes are synchronous
 * and survive the tab closing at once, where an IndexedDB transaction still under way is lost
 * (in Chromium, a tab closed right after a write lost it about one time in eight).
 */
export const UNSENT = 'unsent'

// The host's localStorage is a few MB for the whole origin, the host's own data first: this copy
// never takes more than this (several dozen answers), and what does not fit stays in memory.
const MAX_CHARS = 128_000

/**
 * Rewrites the copy with what `edit` makes of its records, keeping what a newer Sonde left there
 * (for it, unread), and gives back the records it held.
 */
function change(keep: KeyValue, edit: (saved: OutboxRecord[]) => OutboxRecord[]): OutboxRecord[] {
  const saved: OutboxRecord[] = []
  const values: unknown[] = []
  let stored: unknown
  try {
    stored = JSON.parse(keep.get(UNSENT) ?? '[]')
  } catch {
    // Not JSON (cut short by a full storage, written by something else): nothing to take.
  }
  for (const value of Array.isArray(stored) ? stored : []) {
    const record = readStoredRecord(value)
    if (record) saved.push(record)
    else if (isLaterRecord(value)) values.push(value)
  }
  // Newest first, as the outbox's own caps keep them (applyCaps): the answer given as the page
  // went, rather than the displays of a long offline session; one too large is passed over.
  let chars = 0
  for (const record of edit(saved).sort(compareAge).reverse()) {
    const value = { v: RECORD_VERSION, record }
    const size = JSON.stringify(value).length + 1
    if (chars + size > MAX_CHARS) continue
    chars += size
    values.push(value)
  }
  if (values.length > 0) keep.set(UNSENT, JSON.stringify(values))
  else keep.remove(UNSENT)
  return saved
}

/** Adds `records` to the copy (one per event id, the latest winning), as a page goes. */
export function saveUnsent(keep: KeyValue, records: readonly OutboxRecord[]): void {
  const ids = new Set(records.map((record) => record.event.id))
  change(keep, (saved) => [...records, ...saved.filter((record) => !ids.has(record.event.id))])
}

/** Takes the copy's records out of it, for the store to hold them again. */
export const takeUnsent = (keep: KeyValue): OutboxRecord[] =>
  keep.get(UNSENT) === null ? [] : change(keep, () => [])

/** Removes records from the copy once they are acked (sent from the store meanwhile). */
export function dropUnsent(keep: KeyValue, ids: readonly string[]): void {
  if (keep.get(UNSENT) !== null)
    change(keep, (saved) => saved.filter((r) => !ids.includes(r.event.id)))
}
