import type { Batch, SendOptions, Transport, TransportResult } from '@sonde/core'

export interface FetchTransportDeps {
  fetch: typeof fetch
  sendBeacon?: ((url: string, data: BodyInit) => boolean) | undefined
  /** How long a normal send may take before it counts as lost. */
  timeoutMs?: number
}

/** Browsers refuse keepalive requests once 64 KiB are in flight for the page. */
const KEEPALIVE_BUDGET = 64 * 1024

/**
 * Posts batches as `text/plain` JSON (a CORS-simple request: no preflight, beacon-compatible)
 * with credentials omitted. On the unload path it uses `fetch(keepalive)` while the in-flight
 * budget allows, else `sendBeacon`, else a plain fetch; a beacon's `true` only means "queued by
 * the browser", so the events stay stored until a later ack (their ids absorb the resend).
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
        keepalive,
        ...(keepalive ? {} : { signal: AbortSignal.timeout(deps.timeoutMs ?? 30_000) }),
      })
      return {
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        body: response.ok ? await response.json().catch(() => undefined) : undefined,
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

  const fits = (size: number) => keepaliveInFlight + size <= KEEPALIVE_BUDGET
  const beacon = (body: string, size: number): TransportResult | Promise<TransportResult> => {
    try {
      const blob = new Blob([body], { type: 'text/plain;charset=UTF-8' })
      if (deps.sendBeacon?.(endpoint, blob)) return { error: 'network' }
    } catch {}
    // Refused (queue full, too big, no sendBeacon). A keepalive over the budget would be refused
    // too, so then a plain fetch: the browser cancels it if the page is really going away, but
    // it completes when the page was only hidden, and its answer then acks the events at once.
    return post(body, fits(size) ? size : undefined)
  }

  return {
    async send(batch: Batch, { unload }: SendOptions) {
      const body = JSON.stringify(batch)
      // Measured only on the unload path: a Blob per batch is a cost a long flush feels.
      if (!unload) return post(body)
      const size = new Blob([body]).size
      if (fits(size)) return post(body, size)
      return beacon(body, size)
    },
  }
}
