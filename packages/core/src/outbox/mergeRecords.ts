import type { OutboxRecord } from './types'

/**
 * The records the outbox should hold after reading the store: the stored ones (the store is
 * shared by tabs, so it knows of sends and acks made elsewhere), except for the ids where this
 * tab knows better (`isLocal`: a write that failed, or a write or delete made while the read was
 * in flight): for those, the memory copy or its absence wins. Malformed stored values (another
 * version, a corrupted database) are skipped.
 */
export function mergeRecords(
  stored: readonly unknown[],
  memory: ReadonlyMap<string, OutboxRecord>,
  isLocal: (id: string) => boolean,
): Map<string, OutboxRecord> {
  const merged = new Map<string, OutboxRecord>()
  for (const record of stored) {
    if (isRecord(record) && !isLocal(record.event.id)) merged.set(record.event.id, record)
  }
  for (const [id, record] of memory) {
    if (isLocal(id)) merged.set(id, record)
  }
  return merged
}

function isRecord(value: unknown): value is OutboxRecord {
  if (typeof value !== 'object' || value === null) return false
  const { event, bytes, attempts, nextAttemptAt, queuedAt } = value as Partial<OutboxRecord>
  return (
    typeof event?.id === 'string' &&
    [bytes, attempts, nextAttemptAt, queuedAt].every((n) => Number.isFinite(n))
  )
}
