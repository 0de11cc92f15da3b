import { beforeEach, expect, it } from 'vitest';
import { host } from '../loader/host';
import { createPendingStash } from './pending-stash';

beforeEach(() => sessionStorage.clear());

it('hands compressed and raw batches over to the next page exactly once', () => {
  const body = Uint8Array.from([0x1f, 0x8b, 0, 255, 128, 7]);
  createPendingStash(host, 'pk_a').save(
    [{ sessionId: 's1', seq: 3, eventCount: 2, body }],
    [{ sessionId: 's1', seq: 4, eventCount: 9, json: '{"events":[]}' }],
  );
  const next = createPendingStash(host, 'pk_a');
  expect(next.take()).toEqual({
    batches: [{ sessionId: 's1', seq: 3, eventCount: 2, body }],
    raw: [{ sessionId: 's1', seq: 4, eventCount: 9, json: '{"events":[]}' }],
  });
  expect(next.take()).toEqual({ batches: [], raw: [] });
});

it('keeps applications apart and survives an unreadable stash', () => {
  createPendingStash(host, 'pk_a').save([{ sessionId: 's', seq: 0, eventCount: 1, body: new Uint8Array(3) }]);
  expect(createPendingStash(host, 'pk_b').take().batches).toEqual([]);
  sessionStorage.setItem('hindsight:pk_c:pending', '{not json');
  expect(createPendingStash(host, 'pk_c').take()).toEqual({ batches: [], raw: [] });
});
