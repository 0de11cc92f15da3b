import { beforeEach, expect, it } from 'vitest';
import { host } from '../loader/host';
import { createPendingStash, STASH_PIECE_CHARS } from './pending-stash';

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

it('writes a large raw batch in pieces of at most STASH_PIECE_CHARS and hands it back whole', () => {
  const json = `[${'{"type":3,"data":{"source":0}},'.repeat(10_000)}{"type":5}]`;
  createPendingStash(host, 'pk_a').save([], [{ sessionId: 's1', seq: 0, eventCount: 10_001, json }]);
  const pieces = Object.keys(sessionStorage).filter((k) => k.startsWith('hindsight:pk_a:pending:'));
  expect(pieces.length).toBe(Math.ceil(json.length / STASH_PIECE_CHARS));
  expect(Math.max(...pieces.map((k) => sessionStorage.getItem(k)!.length))).toBeLessThanOrEqual(STASH_PIECE_CHARS);
  expect(createPendingStash(host, 'pk_a').take().raw).toEqual([{ sessionId: 's1', seq: 0, eventCount: 10_001, json }]);
  expect(sessionStorage.length).toBe(0);
});

it('counts a raw batch as dropped, and leaves none of its pieces behind, when storage fills up mid-way', () => {
  const json = 'z'.repeat(STASH_PIECE_CHARS * 3);
  let writes = 0;
  // sessionStorage refusing the second piece (QuotaExceededError, which host.tabStorage turns into false).
  const filling = {
    ...host,
    tabStorage: {
      ...host.tabStorage,
      set: (key: string, value: string) =>
        (key.endsWith(':pending') || ++writes !== 2) && host.tabStorage.set(key, value),
    },
  };
  createPendingStash(filling, 'pk_a').save([], [{ sessionId: 's1', seq: 0, eventCount: 4, json }]);
  expect(writes).toBe(2);
  expect(Object.keys(sessionStorage).filter((k) => k.includes(':pending:'))).toEqual([]);
  expect(createPendingStash(host, 'pk_a').take()).toEqual({ batches: [], raw: [], dropped: 4 });
});

it('reads a stash whose raw JSON was written in one piece by the previous version', () => {
  sessionStorage.setItem(
    'hindsight:pk_a:pending',
    JSON.stringify({ batches: [{ s: 's1', q: 2, n: 1, r: 1 }], dropped: 0 }),
  );
  sessionStorage.setItem('hindsight:pk_a:pending:s1:2', '[{"type":4}]');
  expect(createPendingStash(host, 'pk_a').take().raw).toEqual([
    { sessionId: 's1', seq: 2, eventCount: 1, json: '[{"type":4}]' },
  ]);
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
