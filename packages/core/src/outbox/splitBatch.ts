/**
 * The two halves of a batch the receiver found too large (413) or refused part of (400, 422), the
 * older half first; null for a single event, which can only be dropped.
 */
export function splitBatch<T>(items: readonly T[]): [T[], T[]] | null {
  if (items.length < 2) return null
  const middle = Math.ceil(items.length / 2)
  return [items.slice(0, middle), items.slice(middle)]
}
