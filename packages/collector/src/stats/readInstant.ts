const datePattern = /^\d{4}-\d{2}-\d{2}$/
// The zone is required: without one, Date.parse reads a date-time in the server's time zone.
const dateTimePattern =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/

/**
 * A range bound as ISO: a YYYY-MM-DD (midnight UTC, plus `extraDays`: 1 for an end that includes
 * its day) or a full date-time with its zone; null for anything else. Date.parse alone takes "1"
 * for 2001 and rolls 2026-02-31 over into March.
 */
export function readInstant(value: string, extraDays = 0): string | null {
  const isDate = datePattern.test(value)
  const date = isDate ? value : dateTimePattern.exec(value)?.[1]
  const time = date && isRealDate(date) ? Date.parse(isDate ? `${value}T00:00:00Z` : value) : NaN
  if (!Number.isFinite(time) || time < 0 || time > Date.UTC(9999, 0, 1)) return null
  return new Date(time + (isDate ? extraDays : 0) * 86_400_000).toISOString()
}

// A date that exists reads back as written.
function isRealDate(date: string): boolean {
  const time = Date.parse(`${date}T00:00:00Z`)
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === date
}
