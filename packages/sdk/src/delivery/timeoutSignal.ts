/**
 * A signal that aborts with a `TimeoutError` after `ms`: `AbortSignal.timeout`, or the same made
 * with a controller where it is missing (Safari before 16), which would otherwise refuse every
 * send it is asked for.
 */
export function timeoutSignal(ms: number): AbortSignal {
  if (typeof AbortSignal.timeout === 'function') return AbortSignal.timeout(ms)
  const controller = new AbortController()
  setTimeout(() => controller.abort(new DOMException('signal timed out', 'TimeoutError')), ms)
  return controller.signal
}
