import type { OutboxRecord } from './types'

/**
 * `ignoreBackoff`: due even before `nextAttemptAt`; `ignoreLease`: due even if leased.
 * `maxWaitMs` and `leaseMs`: the longest wait and lease the outbox sets; a time further off was
 * set under a clock since set back, and holds the record no longer.
 */
export interface DueOptions {
  ignoreBackoff?: boolean
  ignoreLease?: boolean
  maxWaitMs?: number
  leaseMs?: number
}

/**
 * Whether `record` may be sent at `now`: its backoff has run out and no sender holds a live lease
 * on it. An expired lease means its sender died mid-send (a closed tab), so the record is free.
 */
export function isDue(
  record: OutboxRecord,
  now: number,
  {
    ignoreBackoff = false,
    ignoreLease = false,
    maxWaitMs = Number.POSITIVE_INFINITY,
    leaseMs = Number.POSITIVE_INFINITY,
  }: DueOptions = {},
): boolean {
  const leased = record.state === 'leased' && ahead(record.leaseUntil ?? 0, now, leaseMs)
  if (leased && !ignoreLease) return false
  return ignoreBackoff || !ahead(record.nextAttemptAt, now, maxWaitMs)
}

// `until` is still to come at `now`, and no further off than `ms`.
function ahead(until: number, now: number, ms: number): boolean {
  return until > now && until - now <= ms
}
