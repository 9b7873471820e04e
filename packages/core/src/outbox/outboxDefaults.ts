/** Every tunable of the outbox. */
export interface OutboxLimits {
  /** Events per batch; the wire contract's MAX_BATCH_EVENTS. */
  maxBatchEvents: number
  /** Bytes per batch body on the normal path. */
  maxBatchBytes: number
  /**
   * Batches one flush may have in flight at once (the window opens only after clean acks): a
   * round trip then overlaps the next batch's work instead of leaving the page idle.
   */
  maxBatchesInFlight: number
  /** Bytes per batch on the unload path: under the 64 KiB keepalive quota, with room. */
  maxUnloadBytes: number
  /** Records the outbox holds at most; the oldest are evicted beyond. */
  maxItems: number
  /** Total event bytes the outbox holds at most. */
  maxTotalBytes: number
  /** Age after which a record is evicted undelivered. */
  ttlMs: number
  /** How long a record is reserved for one send; longer than the transport's timeout. */
  leaseMs: number
  /** Failed attempts after which a record is dropped; Infinity leaves it to the TTL. */
  maxAttempts: number
  /** First retry delay ceiling; it doubles per attempt up to `backoffCapMs`. */
  backoffBaseMs: number
  backoffCapMs: number
  /** The longest `Retry-After` obeyed: a misconfigured receiver cannot park delivery for days. */
  retryAfterCapMs: number
}

/**
 * The default limits. `maxBatchEvents` repeats MAX_BATCH_EVENTS instead of importing it, so that
 * the outbox does not pull the zod schemas into every page (a test keeps the two equal).
 */
export const OUTBOX_DEFAULTS: Readonly<OutboxLimits> = {
  maxBatchEvents: 50,
  maxBatchBytes: 256_000,
  maxBatchesInFlight: 4,
  maxUnloadBytes: 48_000,
  maxItems: 1000,
  maxTotalBytes: 5_000_000,
  ttlMs: 7 * 24 * 60 * 60_000,
  leaseMs: 60_000,
  maxAttempts: Number.POSITIVE_INFINITY,
  backoffBaseMs: 1000,
  backoffCapMs: 5 * 60_000,
  retryAfterCapMs: 60 * 60_000,
}
