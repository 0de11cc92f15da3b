/** Longest wait between two attempts, whatever the server or the backoff says. */
export const MAX_RETRY_DELAY_MS = 30_000;
const BASE_DELAY_MS = 1_000;

/**
 * Exponential backoff with jitter (50-100% of 1 s, 2 s, 4 s ... capped at 30 s), never sooner than the server's
 * Retry-After. Jitter spreads out the retries of many visitors after an outage.
 */
export function retryDelayMs(attempt: number, retryAfterMs = 0, random: () => number = Math.random): number {
  const backoff = Math.min(MAX_RETRY_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(attempt, 10));
  const jittered = backoff * (0.5 + random() / 2);
  return Math.min(MAX_RETRY_DELAY_MS, Math.max(retryAfterMs, jittered));
}
