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
 * budget allows, else `sendBeacon`; a beacon's `true` only means "queued by the browser", so
 * the events stay stored until a later ack (their ids absorb the resend).
 */
export function createFetchTransport(endpoint: string, deps: FetchTransportDeps): Transport {
  let keepaliveInFlight = 0
  const post = async (body: string, keepalive: boolean): Promise<TransportResult> => {
    const size = new Blob([body]).size
    if (keepalive) keepaliveInFlight += size
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
      if (keepalive) keepaliveInFlight -= size
    }
  }

  const beacon = (body: string): TransportResult => {
    try {
      const blob = new Blob([body], { type: 'text/plain;charset=UTF-8' })
      if (deps.sendBeacon?.(endpoint, blob)) return { error: 'network' }
    } catch {}
    // Refused by the browser (queue full, too big): try keepalive anyway, it may still fit.
    void post(body, true)
    return { error: 'network' }
  }

  return {
    async send(batch: Batch, { unload }: SendOptions) {
      const body = JSON.stringify(batch)
      if (!unload) return post(body, false)
      const size = new Blob([body]).size
      if (keepaliveInFlight + size <= KEEPALIVE_BUDGET) return post(body, true)
      return beacon(body)
    },
  }
}
