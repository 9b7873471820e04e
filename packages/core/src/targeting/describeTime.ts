/** An ISO date for human messages, or the raw number when it is not a valid time. */
export function describeTime(ms: number): string {
  const date = new Date(ms)
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString()
}
