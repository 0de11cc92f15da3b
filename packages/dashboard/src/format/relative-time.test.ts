import { describe, expect, it } from 'vitest';
import { exactTime, relativeTime } from './relative-time';

const now = Date.parse('2026-11-22T12:00:00Z');
const ago = (ms: number) => new Date(now - ms).toISOString();

describe('relativeTime', () => {
  it('reads like speech for the last week', () => {
    expect(relativeTime(ago(10_000), now)).toBe('just now');
    expect(relativeTime(ago(-5_000), now)).toBe('just now');
    expect(relativeTime(ago(60_000), now)).toBe('1 minute ago');
    expect(relativeTime(ago(59 * 60_000), now)).toBe('59 minutes ago');
    expect(relativeTime(ago(3 * 3_600_000 + 1), now)).toBe('3 hours ago');
    expect(relativeTime(ago(25 * 3_600_000), now)).toBe('yesterday');
    expect(relativeTime(ago(6 * 86_400_000), now)).toBe('6 days ago');
  });

  it('gives a date after a week, with the year only when it differs', () => {
    expect(relativeTime('2026-11-01T12:00:00Z', now)).toBe('Nov 1');
    expect(relativeTime('2025-11-01T12:00:00Z', now)).toBe('Nov 1, 2025');
    expect(relativeTime('not a date', now)).toBe('—');
  });
});

describe('exactTime', () => {
  it('includes seconds and keeps unparsable input', () => {
    expect(exactTime('2026-11-22T12:00:07Z')).toMatch(/2026.*:07$/);
    expect(exactTime('garbage')).toBe('garbage');
  });
});
