import type { OutboxRecord } from './types'

/** `ignoreBackoff`: due even before `nextAttemptAt`; `ignoreLease`: due even if leased. */
export interface DueOptions {
  ignoreBackoff?: boolean
  ignoreLease?: boolean
}

/**
 * Whether `record` may be sent at `now`: its backoff has run out and no sender holds a live lease
 * on it. An expired lease means its sender died mid-send (a closed tab), so the record is free.
 */
export function isDue(
  record: OutboxRecord,
  now: number,
  { ignoreBackoff = false, ignoreLease = false }: DueOptions = {},
): boolean {
  const leased = record.state === 'leased' && (record.leaseUntil ?? 0) > now
  if (leased && !ignoreLease) return false
  return ignoreBackoff || record.nextAttemptAt <= now
}
