/** The growth of retry delays: `baseMs · 2^attempt`, never above `capMs`. */
export interface BackoffOptions {
  baseMs?: number
  capMs?: number
}

/**
 * The delay before retry number `attempt` (0 for the first retry), with full jitter: uniform in
 * [0, min(capMs, baseMs · 2^attempt)). Jitter spreads the clients that failed together, so a
 * recovering receiver is not hit by all of them at the same instant.
 */
export function backoffDelay(
  attempt: number,
  { baseMs = 1000, capMs = 5 * 60_000 }: BackoffOptions = {},
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt))
  // Clamped so that a custom random source cannot push the delay outside [0, ceiling].
  const jitter = Math.min(Math.max(random(), 0), 1)
  return Math.max(0, Math.floor(jitter * ceiling))
}
