import type { Batch, SendOptions, Transport, TransportResult } from '@sonde/core'
import { keepArrays } from '../keepArrays'
import { timeoutSignal } from './timeoutSignal'

export interface FetchTransportDeps {
  fetch: typeof fetch
  /** How long a normal send may take before it counts as lost. */
  timeoutMs?: number
}

/** Browsers refuse keepalive requests once 64 KiB are in flight for the page. */
const KEEPALIVE_BUDGET = 64 * 1024

/**
 * Posts batches as `text/plain` JSON (a CORS-simple request: no preflight) with credentials
 * omitted, on every path: never by `sendBeacon`, which always sends the endpoint's cookies. On the
 * unload path it uses `fetch(keepalive)` while the in-flight budget allows; beyond it, a plain
 * fetch, which completes when the page is only hidden and is cancelled when it goes: the batch
 * stays stored until answered, so the next page sends it then.
 */
export function createFetchTransport(endpoint: string, deps: FetchTransportDeps): Transport {
  let keepaliveInFlight = 0
  // `keepaliveBytes`: the body's size when it goes with keepalive, counted while in flight.
  const post = async (body: string, keepaliveBytes?: number): Promise<TransportResult> => {
    const keepalive = keepaliveBytes !== undefined
    const size = keepaliveBytes ?? 0
    keepaliveInFlight += size
    try {
      const response = await deps.fetch(endpoint, {
        method: 'POST',
        body,
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        credentials: 'omit',
        // No Referer either: on the page's own origin it would carry the page's query.
        referrer: '',
        keepalive,
        ...(keepalive ? {} : { signal: timeoutSignal(deps.timeoutMs ?? 30_000) }),
      })
      const reply: unknown = response.ok ? await response.json().catch(() => undefined) : undefined
      // A redirect followed turns the POST into a GET without its body (301, 302, 303): what
      // answers then answers a request that carried no batch, and its 405 would drop the events,
      // its 200 page ack them. Only a receiver's reply says the batch arrived (a 307 or 308 keeps
      // the POST); anything else is no answer, and the batch stays to be sent again.
      if (response.redirected && !isReply(reply)) return { error: 'network' }
      return {
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        body: reply,
      }
    } catch (error) {
      return {
        error:
          error instanceof DOMException && error.name === 'TimeoutError' ? 'timeout' : 'network',
      }
    } finally {
      keepaliveInFlight -= size
    }
  }

  return {
    async send(batch: Batch, { unload }: SendOptions) {
      const body = JSON.stringify(batch, keepArrays)
      // Measured only on the unload path: a Blob per batch is a cost a long flush feels.
      if (!unload) return post(body)
      const size = new Blob([body]).size
      // The browser would refuse it with keepalive.
      return post(body, keepaliveInFlight + size > KEEPALIVE_BUDGET ? undefined : size)
    },
  }
}

// What a receiver answers a batch with: the ids it accepted or rejected.
function isReply(body: unknown): boolean {
  const { accepted, rejected } = (body ?? {}) as { accepted?: unknown; rejected?: unknown }
  return Array.isArray(accepted) || Array.isArray(rejected)
}
