import { type BackoffOptions, backoffDelay } from './backoffDelay'
import type { OutboxRecord } from './types'

/** `retryAfterMs`: the delay the receiver asked for, a floor under the backoff. */
export interface RetryOptions extends BackoffOptions {
  retryAfterMs?: number | null
}

/**
 * `record` after a failed attempt: one more attempt counted, due again after the jittered backoff
 * or the receiver's `Retry-After`, whichever is later (jitter still spreads clients that were all
 * told the same delay).
 */
export function scheduleRetry(
  record: OutboxRecord,
  now: number,
  { retryAfterMs, ...backoff }: RetryOptions = {},
  random: () => number = Math.random,
): OutboxRecord {
  const attempts = record.attempts + 1
  const delay = Math.max(retryAfterMs ?? 0, backoffDelay(attempts - 1, backoff, random))
  const { leaseUntil: _released, ...rest } = record
  return { ...rest, state: 'retry', attempts, nextAttemptAt: now + delay }
}
