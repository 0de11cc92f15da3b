import { describe, expect, it, vi } from 'vitest';
import { createBatchQueue } from './batch-queue';
import type { OutgoingBatch, SendResult } from './send-batch';

const batch = (seq: number, bytes = 10, sessionId = 's1'): OutgoingBatch => ({
  sessionId,
  seq,
  eventCount: 2,
  body: new Uint8Array(bytes),
});

function setup(results: SendResult[], maxBytes?: number) {
  const timers: { callback: () => void; ms: number }[] = [];
  const sent: number[] = [];
  const events = { ended: [] as string[], dropped: [] as number[], overflows: 0 };
  const queue = createBatchQueue({
    send: async (b) => {
      sent.push(b.seq);
      return results.shift() ?? { kind: 'ok' };
    },
    sendOnUnload: () => true,
    onSessionEnded: (id) => events.ended.push(id),
    onDropped: (count) => events.dropped.push(count),
    onOverflow: () => events.overflows++,
    maxBytes,
    setTimer: (callback, ms) => timers.push({ callback, ms }),
  });
  return { queue, timers, sent, events };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('batch queue', () => {
  it('sends in order and forgets what the server acknowledged', async () => {
    const { queue, sent } = setup([]);
    queue.push(batch(0));
    queue.push(batch(1));
    await settle();
    expect(sent).toEqual([0, 1]);
    expect(queue.pending()).toEqual([]);
  });

  it('retries network errors, 5xx and 429 with backoff (Retry-After first), keeping order', async () => {
    const { queue, timers, sent } = setup([
      { kind: 'network' },
      { kind: 'rate_limit', retryAfterMs: 9_000 },
      { kind: 'http', status: 503, retry: true, retryAfterMs: 0 },
    ]);
    queue.push(batch(0));
    queue.push(batch(1));
    await settle();
    expect(sent).toEqual([0]);
    expect(timers).toHaveLength(1);
    timers[0]?.callback();
    await settle();
    expect(timers[1]?.ms).toBe(9_000);
    timers[1]?.callback();
    await settle();
    timers[2]?.callback();
    await settle();
    expect(sent).toEqual([0, 0, 0, 0, 1]);
    expect(queue.size).toBe(0);
  });

  it('drops a batch on a 4xx retrying cannot fix, reporting its events, and goes on', async () => {
    const { queue, sent, events } = setup([{ kind: 'http', status: 400, retry: false, retryAfterMs: 0 }]);
    queue.push(batch(0));
    queue.push(batch(1));
    await settle();
    expect(sent).toEqual([0, 1]);
    expect(events.dropped).toEqual([2]);
  });

  it('on session_ended forgets that session and says so', async () => {
    const { queue, events } = setup([{ kind: 'session_ended' }]);
    queue.push(batch(4, 10, 'old'));
    queue.push(batch(5, 10, 'old'));
    await settle();
    expect(events.ended).toEqual(['old']);
    expect(queue.size).toBe(0);
  });

  it('stays within its byte budget while the server is down, asking for a new full snapshot', async () => {
    const { queue, events } = setup([{ kind: 'network' }], 100);
    for (let seq = 0; seq < 30; seq++) queue.push(batch(seq, 10));
    await settle();
    expect(queue.pending().reduce((sum, b) => sum + b.body.byteLength, 0)).toBeLessThanOrEqual(100);
    expect(events.overflows).toBeGreaterThan(0);
    expect(events.dropped.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('ignores a batch pushed twice', async () => {
    const { queue, sent } = setup([]);
    queue.push(batch(0));
    queue.push(batch(0));
    await settle();
    expect(sent).toEqual([0]);
  });

  it('on unload sends what fits under the keepalive limit and keeps everything pending', () => {
    const sendOnUnload = vi.fn((_batch: OutgoingBatch) => true);
    const queue = createBatchQueue({
      send: () => new Promise(() => {}),
      sendOnUnload,
      onSessionEnded: () => {},
      onDropped: () => {},
      onOverflow: () => {},
    });
    queue.push(batch(0, 30_000)); // being sent (keepalive): takes its share of the limit, no beacon
    queue.push(batch(1, 40_000)); // over what is left: the next page sends it
    queue.push(batch(2, 25_000));
    queue.push(batch(3, 20_000)); // over what is left
    queue.push(batch(4, 5_000), false); // queued at unload, not sent by the queue itself
    queue.sendOnUnload();
    expect(sendOnUnload.mock.calls.map(([b]) => b.seq)).toEqual([2, 4]);
    expect(queue.size).toBe(5);
  });

  it('on unload beacons the batch being sent too when its request dies with the page (a worker upload)', () => {
    const sendOnUnload = vi.fn((_batch: OutgoingBatch) => true);
    const queue = createBatchQueue({
      send: () => new Promise(() => {}),
      sendOnUnload,
      survivesUnload: () => false,
      onSessionEnded: () => {},
      onDropped: () => {},
      onOverflow: () => {},
    });
    queue.push(batch(0, 30_000)); // being uploaded by the worker
    queue.push(batch(1, 20_000));
    queue.sendOnUnload();
    expect(sendOnUnload.mock.calls.map(([b]) => b.seq)).toEqual([0, 1]);
  });
});
