import type { TransportResult } from './types'

/** One event the receiver refused, and its reason. */
export interface Rejection {
  id: string
  reason: string
}

/**
 * What to do with a sent batch. `ack`: delete `acked`, drop `rejected`, retry `unanswered` (ids a
 * reply did not mention). `retry`: the whole batch later. `split`: send it in halves, and drop an
 * event refused alone for `reason`. `drop`: the receiver refused the whole batch for good.
 */
export type Verdict =
  | { kind: 'ack'; acked: string[]; rejected: Rejection[]; unanswered: string[] }
  | { kind: 'retry'; retryAfter: string | null }
  | { kind: 'split'; reason: string }
  | { kind: 'drop'; reason: string }

const RETRY_STATUSES = new Set([408, 425, 429])

/**
 * Classifies the result of sending the events `ids`. A 2xx without a reply body (a beacon, a 204,
 * a receiver that answers something else) acks every event. Statuses that are no verdict from the
 * receiver (0 from an opaque response, 1xx, 3xx) are retried.
 */
export function classifyResponse(result: TransportResult, ids: readonly string[]): Verdict {
  if ('error' in result) return { kind: 'retry', retryAfter: null }
  const { status } = result
  if (status >= 200 && status < 300) return acknowledge(result.body, ids)
  if (status === 413) return { kind: 'split', reason: 'too_large' }
  // A refusal of what the batch carries may be of one event among many (a receiver with rules of
  // its own): halves narrow it down to that event. Other 4xx (auth, a wrong URL) are the batch's.
  if (status === 400 || status === 422) return { kind: 'split', reason: `http_${status}` }
  if (status >= 400 && status < 500 && !RETRY_STATUSES.has(status)) {
    return { kind: 'drop', reason: `http_${status}` }
  }
  return { kind: 'retry', retryAfter: result.retryAfter ?? null }
}

function acknowledge(body: unknown, ids: readonly string[]): Verdict {
  const reply = readReply(body)
  const verdict: Verdict = { kind: 'ack', acked: [], rejected: [], unanswered: [] }
  for (const id of ids) {
    const reason = reply.rejected.get(id)
    if (reply.accepted?.has(id) ?? reason === undefined) verdict.acked.push(id)
    else if (reason !== undefined) verdict.rejected.push({ id, reason })
    else verdict.unanswered.push(id)
  }
  return verdict
}

interface Reply {
  // Null when the reply lists no accepted ids: then every id it does not reject is acked.
  accepted: Set<string> | null
  rejected: Map<string, string>
}

function readReply(body: unknown): Reply {
  const reply: Reply = { accepted: null, rejected: new Map() }
  if (typeof body !== 'object' || body === null) return reply
  const { accepted, rejected } = body as { accepted?: unknown; rejected?: unknown }
  if (Array.isArray(accepted)) reply.accepted = new Set(accepted.filter(isString))
  if (!Array.isArray(rejected)) return reply
  for (const entry of rejected) {
    const { id, reason } = (entry ?? {}) as { id?: unknown; reason?: unknown }
    if (isString(id)) reply.rejected.set(id, isString(reason) ? reason : 'rejected')
  }
  return reply
}

function isString(value: unknown): value is string {
  return typeof value === 'string'
}
