import { describe, expect, it } from 'vitest';
import { formatBytes, formatClock } from './format';

describe('format', () => {
  it('formats clocks', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(93_500)).toBe('1:33');
    expect(formatClock(3_723_000)).toBe('1:02:03');
  });
  it('formats bytes', () => {
    expect(formatBytes(932)).toBe('932 B');
    expect(formatBytes(15_700)).toBe('15.7 KB');
    expect(formatBytes(3_200_000)).toBe('3.2 MB');
  });
});
