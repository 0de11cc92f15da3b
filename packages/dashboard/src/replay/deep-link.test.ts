import { describe, expect, it } from 'vitest';
import { formatTimeHash, parseTimeHash } from './deep-link';

describe('deep links', () => {
  it('reads #t= in seconds', () => {
    expect(parseTimeHash('#t=93.5')).toBe(93_500);
    expect(parseTimeHash('#t=0')).toBe(0);
    expect(parseTimeHash('#x=1&t=2')).toBe(2_000);
  });
  it('ignores anything else', () => {
    for (const hash of ['', '#', '#t=', '#t=-4', '#t=abc', '#t=1e9', '#tt=3']) expect(parseTimeHash(hash)).toBeNull();
  });
  it('writes #t=', () => {
    expect(formatTimeHash(93_540)).toBe('#t=93.5');
    expect(parseTimeHash(formatTimeHash(61_000))).toBe(61_000);
  });
});
