import { expect, it } from 'vitest';
import { MAX_RETRY_DELAY_MS, retryDelayMs } from './retry-policy';

it('backs off exponentially with jitter between half and all of the step, capped', () => {
  expect(retryDelayMs(0, 0, () => 0)).toBe(500);
  expect(retryDelayMs(0, 0, () => 1)).toBe(1_000);
  expect(retryDelayMs(3, 0, () => 1)).toBe(8_000);
  expect(retryDelayMs(3, 0, () => 0)).toBe(4_000);
  expect(retryDelayMs(20, 0, () => 1)).toBe(MAX_RETRY_DELAY_MS);
});

it("never retries sooner than the server's Retry-After, nor later than the cap", () => {
  expect(retryDelayMs(0, 7_000, () => 0)).toBe(7_000);
  expect(retryDelayMs(0, 120_000, () => 0)).toBe(MAX_RETRY_DELAY_MS);
});
