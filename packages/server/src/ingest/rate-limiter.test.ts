import { expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter';

it('allows a burst, then refills at the sustained rate, per key', () => {
  let now = 0;
  const limiter = createRateLimiter({ perSecond: 2, burst: 3, now: () => now });
  expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
  expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  expect(limiter.take('b').allowed).toBe(true);
  now += 500; // one token back at 2 per second
  expect(limiter.take('a').allowed).toBe(true);
  expect(limiter.take('a').allowed).toBe(false);
});

it('keeps memory bounded by forgetting the least recently used keys', () => {
  let now = 0;
  const limiter = createRateLimiter({ perSecond: 1, burst: 1, now: () => now, maxKeys: 2 });
  limiter.take('a');
  limiter.take('b');
  limiter.take('c'); // evicts a
  expect(limiter.take('a').allowed).toBe(true);
  expect(limiter.take('c').allowed).toBe(false);
  now += 1;
});
