/** Token-bucket rate limiter keyed by a string (a public key, a client address). */
export interface RateLimiter {
  /** Takes one token for `key`; when none is left, answers how many seconds until one is. */
  take(key: string): { allowed: true } | { allowed: false; retryAfterSeconds: number };
}

interface Bucket {
  tokens: number;
  updatedAtMs: number;
}

/**
 * In-memory buckets, one map per limiter. Memory stays bounded: at `maxKeys` the oldest-touched buckets are
 * dropped (a dropped bucket starts full again, which only ever errs towards letting a request through).
 *
 * The state is per process on purpose: it is an abuse guard, not an accounting ledger, so no other process
 * needs it. With N processes on one host each gets 1/N of the configured rate (see createServerLimits).
 */
export function createRateLimiter(options: {
  perSecond: number;
  burst: number;
  now?: () => number;
  maxKeys?: number;
}): RateLimiter {
  const { perSecond, burst } = options;
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 100_000;
  const buckets = new Map<string, Bucket>();

  return {
    take(key) {
      const nowMs = now();
      let bucket = buckets.get(key);
      if (bucket) {
        buckets.delete(key); // re-inserted below: Map order then tracks recency
        bucket.tokens = Math.min(burst, bucket.tokens + ((nowMs - bucket.updatedAtMs) / 1_000) * perSecond);
        bucket.updatedAtMs = nowMs;
      } else {
        bucket = { tokens: burst, updatedAtMs: nowMs };
        if (buckets.size >= maxKeys) {
          const oldest = buckets.keys().next().value;
          if (oldest !== undefined) buckets.delete(oldest);
        }
      }
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond)) };
    },
  };
}
