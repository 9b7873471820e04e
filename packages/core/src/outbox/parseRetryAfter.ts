const SECONDS = /^\s*(\d+)\s*$/
// HTTP-dates start with a day name (IMF-fixdate, RFC 850 and asctime alike); checking it keeps
// Date.parse from reading a year or a stray number as a date.
const HTTP_DATE = /^\s*(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s/i
// asctime dates carry no zone, yet are GMT like every HTTP-date; Date.parse would read them as
// local time.
const ZONE = /\b(gmt|utc|z)\s*$/i
const HOUR = 3_600_000

/**
 * The delay in milliseconds asked for by a `Retry-After` header, given as seconds or as an
 * HTTP-date relative to `now`, capped at `capMs`. Null when the value is missing or invalid, or
 * names a moment already past (clock skew makes that unreliable: normal backoff applies instead).
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number,
  capMs = HOUR,
): number | null {
  if (typeof value !== 'string') return null
  const seconds = SECONDS.exec(value)
  if (seconds) return Math.min(Number(seconds[1]) * 1000, capMs)
  if (!HTTP_DATE.test(value)) return null
  const at = Date.parse(ZONE.test(value) ? value : `${value.trim()} GMT`)
  if (!Number.isFinite(at) || at < now) return null
  return Math.min(at - now, capMs)
}
