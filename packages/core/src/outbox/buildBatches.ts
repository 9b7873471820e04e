import { measureJson } from './measureJson'
import type { BatchEnvelope } from './types'

/** The most events and the most bytes (UTF-8 of the whole JSON body) one batch may have. */
export interface BatchLimits {
  maxEvents?: number
  maxBytes?: number
}

/** Batches in sending order, and the items too big to fit even alone in one. */
export interface BatchPlan<T> {
  batches: T[][]
  tooLarge: T[]
}

/**
 * Groups `items` (oldest first) into consecutive batches within `limits`, measured exactly as
 * `JSON.stringify({ ...envelope, events })`. An item that cannot fit alone is in `tooLarge`, for
 * the caller to drop: sending it would only earn a 413, forever. Order is kept, never packed.
 */
export function buildBatches<T extends { bytes: number }>(
  items: readonly T[],
  envelope: BatchEnvelope,
  { maxEvents = 50, maxBytes = 256_000 }: BatchLimits = {},
): BatchPlan<T> {
  const overhead = measureJson({ ...envelope, events: [] })
  const plan: BatchPlan<T> = { batches: [], tooLarge: [] }
  let batch: T[] = []
  let size = overhead
  for (const item of items) {
    if (overhead + item.bytes > maxBytes) {
      plan.tooLarge.push(item)
      continue
    }
    // Every event after the first adds a comma.
    const grown = size + item.bytes + (batch.length > 0 ? 1 : 0)
    if (batch.length >= maxEvents || grown > maxBytes) {
      plan.batches.push(batch)
      batch = []
      size = overhead
    }
    size += item.bytes + (batch.length > 0 ? 1 : 0)
    batch.push(item)
  }
  if (batch.length > 0) plan.batches.push(batch)
  return plan
}
