import type { SessionSummary } from '@hindsight/shared';
import { describe, expect, it } from 'vitest';
import { mergeFreshPage } from './merge-sessions';

const session = (id: string, minute: number, eventCount = 1): SessionSummary => ({
  id,
  appId: 'a',
  status: 'active',
  endReason: null,
  landingUrl: null,
  startedAt: new Date(Date.UTC(2026, 10, 22, 12, minute)).toISOString(),
  endedAt: null,
  lastActivityAt: new Date(Date.UTC(2026, 10, 22, 12, minute)).toISOString(),
  durationMs: 0,
  eventCount,
  pageCount: 1,
  replayable: true,
  visitorId: null,
  browser: null,
  os: null,
  device: null,
});
const ids = (list: SessionSummary[]) => list.map((s) => s.id);

describe('mergeFreshPage', () => {
  it('takes a complete fresh page as the whole list', () => {
    const merged = mergeFreshPage(
      { sessions: [session('b', 2), session('a', 1)], nextCursor: null },
      { sessions: [session('c', 3), session('b', 2, 9)], nextCursor: null },
    );
    expect(ids(merged.sessions)).toEqual(['c', 'b']);
    expect(merged.sessions[1]!.eventCount).toBe(9);
  });

  it('keeps loaded-more rows older than the fresh page, with their cursor', () => {
    const current = {
      sessions: [session('d', 4), session('c', 3), session('b', 2), session('a', 1)],
      nextCursor: 'after-a',
    };
    const fresh = { sessions: [session('e', 5), session('d', 4, 7)], nextCursor: 'after-d' };
    const merged = mergeFreshPage(current, fresh);
    expect(ids(merged.sessions)).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(merged.sessions[1]!.eventCount).toBe(7);
    expect(merged.nextCursor).toBe('after-a');
  });

  it('drops rows inside the fresh range that left the filter', () => {
    const current = { sessions: [session('c', 3), session('b', 2), session('a', 1)], nextCursor: 'after-a' };
    const fresh = { sessions: [session('c', 3), session('a', 1)], nextCursor: 'after-a2' };
    expect(ids(mergeFreshPage(current, fresh).sessions)).toEqual(['c', 'a']);
  });

  it('orders ties by id like the server', () => {
    const current = { sessions: [session('y', 1), session('x', 1)], nextCursor: 'c1' };
    const fresh = { sessions: [session('z', 2), session('y', 1)], nextCursor: 'c2' };
    expect(ids(mergeFreshPage(current, fresh).sessions)).toEqual(['z', 'y', 'x']);
  });
});
