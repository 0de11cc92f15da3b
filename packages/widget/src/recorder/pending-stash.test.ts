import { beforeEach, expect, it } from 'vitest';
import { host } from '../loader/host';
import { createPendingStash } from './pending-stash';

beforeEach(() => sessionStorage.clear());

it('hands compressed and raw batches over to the next page exactly once', () => {
  const body = Uint8Array.from([0x1f, 0x8b, 0, 255, 128, 7]);
  createPendingStash(host, 'pk_a').save(
    [{ sessionId: 's1', seq: 3, eventCount: 2, body }],
    [{ sessionId: 's1', seq: 4, eventCount: 9, json: '{"events":[{"type":2}]}' }],
  );
  // The raw JSON is stored as is, not escaped inside the index.
  expect(Object.values(sessionStorage)).toContain('{"events":[{"type":2}]}');
  const next = createPendingStash(host, 'pk_a');
  expect(next.take()).toEqual({
    batches: [{ sessionId: 's1', seq: 3, eventCount: 2, body }],
    raw: [{ sessionId: 's1', seq: 4, eventCount: 9, json: '{"events":[{"type":2}]}' }],
    dropped: 0,
  });
  expect(next.take()).toEqual({ batches: [], raw: [], dropped: 0 });
  expect(sessionStorage.length).toBe(0);
});

it('stashes at most its budget and reports the events that did not fit as dropped', () => {
  const stash = createPendingStash(host, 'pk_a', 100);
  stash.save(
    [{ sessionId: 's1', seq: 0, eventCount: 2, body: new Uint8Array(30) }],
    [
      { sessionId: 's1', seq: 1, eventCount: 5, json: 'x'.repeat(200) },
      { sessionId: 's1', seq: 2, eventCount: 1, json: 'y'.repeat(50) },
    ],
  );
  const taken = stash.take();
  expect(taken.batches.map((b) => b.seq)).toEqual([0]);
  expect(taken.raw.map((b) => b.seq)).toEqual([2]);
  expect(taken.dropped).toBe(5);
});

it('reads a stash written by the previous version (raw JSON inline)', () => {
  sessionStorage.setItem('hindsight:pk_a:pending', JSON.stringify([{ s: 's1', q: 7, n: 3, j: '{"events":[]}' }]));
  expect(createPendingStash(host, 'pk_a').take()).toEqual({
    batches: [],
    raw: [{ sessionId: 's1', seq: 7, eventCount: 3, json: '{"events":[]}' }],
    dropped: 0,
  });
});

it('keeps applications apart and survives an unreadable stash', () => {
  createPendingStash(host, 'pk_a').save([{ sessionId: 's', seq: 0, eventCount: 1, body: new Uint8Array(3) }]);
  expect(createPendingStash(host, 'pk_b').take().batches).toEqual([]);
  sessionStorage.setItem('hindsight:pk_c:pending', '{not json');
  expect(createPendingStash(host, 'pk_c').take()).toEqual({ batches: [], raw: [], dropped: 0 });
});
