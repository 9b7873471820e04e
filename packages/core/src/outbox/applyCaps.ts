import { compareAge } from './compareAge'
import type { Drop, OutboxRecord } from './types'

/** Bounds on what the outbox holds: records, their total bytes, and their age. */
export interface Caps {
  maxItems?: number
  maxBytes?: number
  ttlMs?: number
}

/** The records to keep, oldest first, and those to evict ('expired' or 'overflow'). */
export interface CapsResult {
  keep: OutboxRecord[]
  evicted: Drop[]
}

const WEEK = 7 * 24 * 60 * 60_000

/**
 * Evicts records older than `ttlMs`, then the oldest until at most `maxItems` records and
 * `maxBytes` bytes remain: a device offline for weeks keeps its newest answers, not its first.
 * The caller deletes the evicted and counts them in `dropped`.
 */
export function applyCaps(
  records: readonly OutboxRecord[],
  now: number,
  { maxItems = 1000, maxBytes = 5_000_000, ttlMs = WEEK }: Caps = {},
): CapsResult {
  const result: CapsResult = { keep: [], evicted: [] }
  const live: OutboxRecord[] = []
  for (const record of [...records].sort(compareAge)) {
    if (record.queuedAt + ttlMs <= now) result.evicted.push({ record, reason: 'expired' })
    else live.push(record)
  }
  let bytes = live.reduce((sum, record) => sum + record.bytes, 0)
  let count = live.length
  for (const record of live) {
    if (count > maxItems || bytes > maxBytes) {
      result.evicted.push({ record, reason: 'overflow' })
      count -= 1
      bytes -= record.bytes
    } else result.keep.push(record)
  }
  return result
}
