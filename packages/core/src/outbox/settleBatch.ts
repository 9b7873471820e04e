import type { Verdict } from './classifyResponse'
import type { OutboxLimits } from './outboxDefaults'
import { parseRetryAfter } from './parseRetryAfter'
import { scheduleRetry } from './scheduleRetry'
import { splitBatch } from './splitBatch'
import type { Drop, OutboxRecord } from './types'

/** What a verdict does to the records of one sent batch. */
export interface Settlement {
  /** Ids to delete: the receiver has them. */
  acked: string[]
  /** Records to delete and count in `dropped`. */
  dropped: Drop[]
  /** Records rescheduled, to store again. */
  retried: OutboxRecord[]
  /** Halves to send next, after a 413, 400 or 422. */
  split: [OutboxRecord[], OutboxRecord[]] | null
  /** No send before this moment (from `Retry-After`), or null. */
  blockedUntil: number | null
  /** True when sending more batches now would only fail too. */
  halt: boolean
}

export type SettleOptions = Partial<
  Pick<OutboxLimits, 'maxAttempts' | 'backoffBaseMs' | 'backoffCapMs' | 'retryAfterCapMs'>
>

/** Applies `verdict` to the sent `records` at `now`; pure: the caller does the storing. */
export function settleBatch(
  records: readonly OutboxRecord[],
  verdict: Verdict,
  now: number,
  options: SettleOptions = {},
  random: () => number = Math.random,
): Settlement {
  const settlement: Settlement = {
    acked: [],
    dropped: [],
    retried: [],
    split: null,
    blockedUntil: null,
    halt: false,
  }
  const retry = (record: OutboxRecord, retryAfterMs: number | null) => {
    if (record.attempts + 1 >= (options.maxAttempts ?? Number.POSITIVE_INFINITY)) {
      settlement.dropped.push({ record, reason: 'max_attempts' })
      return
    }
    const backoff = { baseMs: options.backoffBaseMs, capMs: options.backoffCapMs, retryAfterMs }
    settlement.retried.push(scheduleRetry(record, now, backoff, random))
  }
  switch (verdict.kind) {
    case 'retry': {
      const retryAfterMs = parseRetryAfter(verdict.retryAfter, now, options.retryAfterCapMs)
      for (const record of records) retry(record, retryAfterMs)
      settlement.blockedUntil = retryAfterMs === null ? null : now + retryAfterMs
      settlement.halt = true
      break
    }
    case 'split':
      settlement.split = splitBatch(records)
      if (!settlement.split) settlement.dropped = dropAll(records, verdict.reason)
      break
    case 'drop':
      settlement.dropped = dropAll(records, verdict.reason)
      break
    case 'ack': {
      const byId = new Map(records.map((record) => [record.event.id, record]))
      settlement.acked = verdict.acked
      for (const { id, reason } of verdict.rejected) {
        const record = byId.get(id)
        if (record) settlement.dropped.push({ record, reason })
      }
      for (const id of verdict.unanswered) {
        const record = byId.get(id)
        if (record) retry(record, null)
      }
    }
  }
  return settlement
}

function dropAll(records: readonly OutboxRecord[], reason: string): Drop[] {
  return records.map((record) => ({ record, reason }))
}
