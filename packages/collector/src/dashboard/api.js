// @ts-check
// The stats API client. Requests go to this collector only, with the read key as a bearer token.

/**
 * @typedef {{ low: number, high: number }} Interval
 * @typedef {{ kind: 'nps' | 'csat' | 'ces', scale: number }} Metric
 * @typedef {{ kind: string, n: number, [field: string]: unknown }} Score
 * @typedef {{ key: string | null, n: number, value: number | null, ci: Interval | null,
 *   score: Score }} ScoredGroup
 * @typedef {{ responseId: string, questionId: string, text: string, at: string,
 *   bucket: string | null, score: number | null, locale: string | null,
 *   device: string | null }} Verbatim
 * @typedef {{ surveyId: string, metric: Metric | null, from: string | null, to: string | null,
 *   counts: { responses: number, answered: number, completed: number, dismissed: number },
 *   dropped: number, refused: number,
 *   score: Score | null, distribution: Array<{ value: number, count: number }>,
 *   interval: 'day' | 'week', trend: ScoredGroup[],
 *   segment: { name: string, rows: ScoredGroup[], truncated: boolean } | null,
 *   verbatims: Verbatim[] }} SurveyStats
 * @typedef {{ surveyId: string, kind: string | null, responses: number, answered: number,
 *   lastAt: string | null, configured: boolean }} SurveySummary
 * @typedef {{ key: string, readKey: string }} Access
 */

/**
 * An API error carrying the HTTP status, so a 401 can send the user back to the key form, and
 * for a 429 the seconds its Retry-After asks to wait.
 */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} message
   * @param {number} [retryAfter]
   */
  constructor(status, message, retryAfter = 1) {
    super(message)
    this.status = status
    this.retryAfter = retryAfter
  }
}

/**
 * GETs a stats API path relative to the collector root.
 * @param {Access} access
 * @param {string} path
 * @param {Record<string, string>} [query]
 * @returns {Promise<unknown>}
 */
async function get(access, path, query = {}) {
  const url = new URL(`../v1/${path}`, location.href)
  url.searchParams.set('key', access.key)
  for (const [name, value] of Object.entries(query)) {
    if (value) url.searchParams.set(name, value)
  }
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${access.readKey}` },
    credentials: 'omit',
    cache: 'no-store',
  })
  const body = await res.json().catch(() => ({}))
  if (!res.ok) {
    // The API names each bad parameter in `errors`: "invalid stats query" alone says not which.
    const details = Array.isArray(body?.errors)
      ? body.errors.map((/** @type {any} */ e) => `${e.path}: ${e.message}`).join('; ')
      : ''
    const error = typeof body?.error === 'string' ? body.error : `HTTP ${res.status}`
    const message = details ? `${error} (${details})` : error
    throw new ApiError(res.status, message, Number(res.headers.get('retry-after')) || 1)
  }
  return body
}

/**
 * @param {Access} access
 * @returns {Promise<SurveySummary[]>}
 */
export async function fetchSurveys(access) {
  const body = /** @type {{ surveys: SurveySummary[] }} */ (await get(access, 'stats'))
  return body.surveys
}

/** How many verbatims the page asks for: the newest, with no further pages. */
export const verbatimLimit = 500

/**
 * @param {Access} access
 * @param {string} surveyId
 * @param {Record<string, string>} query from, to, interval, segment, bucket
 * @returns {Promise<SurveyStats>}
 */
export async function fetchStats(access, surveyId, query) {
  return /** @type {SurveyStats} */ (
    await get(access, `stats/${encodeURIComponent(surveyId)}`, {
      ...query,
      verbatims: String(verbatimLimit),
    })
  )
}
