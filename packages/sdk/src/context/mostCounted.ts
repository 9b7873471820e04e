/**
 * The `limit` names of `counts` counted most often (of equal counts, the first counted), as a
 * new object.
 */
export function mostCounted(
  counts: Readonly<Record<string, number>>,
  limit: number,
): Record<string, number> {
  const entries = Object.entries(counts)
  // A stable sort: equal counts keep the order they were first counted in.
  if (entries.length > limit) entries.sort((a, b) => b[1] - a[1]).length = limit
  return Object.fromEntries(entries)
}
