/** Options for {@link createRateLimiter}. */
export interface RateLimitOptions {
  /** Tokens added per second to each bucket. */
  ratePerSecond: number
  /** Bucket size: how many requests may come at once after a quiet spell. */
  burst: number
  /** Most buckets kept; past it the least recently used is forgotten. */
  maxBuckets?: number
  now?: () => number
}

/** The limiter's verdict on one request. */
export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number }

/** A set of token buckets, one per client id. */
export interface RateLimiter {
  /** Takes a token from `id`'s bucket, if it has one. */
  take(id: string): RateDecision
  /** Whether `id`'s bucket has a token, taking none. */
  peek(id: string): RateDecision
  /**
   * Takes `amount` tokens from `id`'s bucket, into debt if it has fewer: for a cost known only
   * once it is paid (the bytes of a body read), which later requests then wait for. A negative
   * amount gives tokens back, up to the burst.
   */
  spend(id: string, amount: number): void
}

interface Bucket {
  tokens: number
  at: number
}

/**
 * Token buckets in memory. Per replica by design: a limit only has to stop one client from
 * flooding, and N replicas allowing N times the rate is an acceptable bound that needs no shared
 * store. `Retry-After` is the time until the next whole token.
 */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const { ratePerSecond, burst } = options
  const maxBuckets = options.maxBuckets ?? 50_000
  const now = options.now ?? Date.now
  const buckets = new Map<string, Bucket>()

  function refill(bucket: Bucket, at: number): void {
    bucket.tokens = Math.min(burst, bucket.tokens + ((at - bucket.at) / 1000) * ratePerSecond)
    bucket.at = at
  }

  // Kept in last-use order (a bucket used is moved to the end), so that when full the least
  // recently used is forgotten first, in one step: a spray of new addresses walked every bucket
  // for each of its requests.
  function bucketOf(id: string): Bucket {
    const at = now()
    let bucket = buckets.get(id)
    if (bucket) buckets.delete(id)
    else {
      const [oldest] = buckets.keys()
      if (oldest !== undefined && buckets.size >= maxBuckets) buckets.delete(oldest)
      bucket = { tokens: burst, at }
    }
    buckets.set(id, bucket)
    refill(bucket, at)
    return bucket
  }

  function verdict(bucket: Bucket | undefined): RateDecision {
    if (!bucket || bucket.tokens >= 1) return { ok: true }
    const seconds = (1 - bucket.tokens) / ratePerSecond
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(seconds)) }
  }

  return {
    take(id) {
      const bucket = bucketOf(id)
      const decision = verdict(bucket)
      if (decision.ok) bucket.tokens -= 1
      return decision
    },
    spend(id, amount) {
      const bucket = bucketOf(id)
      bucket.tokens = Math.min(burst, bucket.tokens - amount)
    },
    peek(id) {
      const bucket = buckets.get(id)
      if (bucket) refill(bucket, now())
      return verdict(bucket)
    },
  }
}
