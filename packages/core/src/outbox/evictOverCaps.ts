import { applyCaps, type Caps } from './applyCaps'
import type { Ledger } from './createLedger'
import type { OutboxRecord } from './types'

/**
 * Drops the records the caps leave no room for and resolves to their ids. Records on their way
 * to the receiver (in one of `flights`, this tab's batches in flight, or leased by another tab)
 * are left alone: one acked after it was counted lost would be reported delivered and dropped.
 * The caps may be exceeded by them until they are answered.
 */
export async function evictOverCaps(
  ledger: Ledger,
  flights: ReadonlySet<readonly OutboxRecord[]>,
  now: number,
  caps: Caps,
  leaseMs: number,
  exclusive: () => boolean,
): Promise<Set<string>> {
  const sending = new Set([...flights].flat().map((record) => record.event.id))
  const evictable = [...ledger.records.values()].filter(
    (record) =>
      !sending.has(record.event.id) &&
      !(record.state === 'leased' && (record.leaseUntil ?? 0) > now),
  )
  const { evicted } = applyCaps(evictable, now, caps)
  // The one sender leases nothing, so which records it has in flight is unknown here: while it
  // says it is sending, the caps wait for its next run, which applies them.
  if (evicted.length > 0 && !exclusive() && (await ledger.othersSending(now, leaseMs)))
    return new Set<string>()
  await ledger.drop(evicted)
  return new Set(evicted.map(({ record }) => record.event.id))
}
