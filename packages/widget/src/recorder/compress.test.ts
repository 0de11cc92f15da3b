import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type CompressionWorker, createCompressor, gzipNow } from './compress';
import type { SendResult } from './send-batch';

/**
 * A worker that compresses on demand (or never), counting how many were started; uploads are answered with
 * `uploadResult` (or never, when it is undefined).
 */
function fakeWorkers(behaviour: 'answer' | 'hang' | 'fail', uploadResult?: SendResult) {
  const uploads: { url: string; body: Uint8Array }[] = [];
  const started: CompressionWorker[] = [];
  const createWorker = () => {
    const worker: CompressionWorker & { terminated: boolean } = {
      onmessage: null,
      onerror: null,
      terminated: false,
      postMessage([id, json, body]) {
        if (body) {
          uploads.push({ url: json, body });
          if (uploadResult) setTimeout(() => worker.onmessage?.({ data: [id, uploadResult] }), 1);
          return;
        }
        if (behaviour === 'answer') setTimeout(() => worker.onmessage?.({ data: [id, gzipNow(json)] }), 1);
        if (behaviour === 'fail') setTimeout(() => worker.onerror?.(), 1);
      },
      terminate() {
        worker.terminated = true;
      },
    };
    started.push(worker);
    return worker;
  };
  return { started, createWorker, uploads };
}

const text = (bytes: Uint8Array) => gunzipSync(bytes).toString('utf8');

describe('compressor', () => {
  it('starts one worker and keeps it for every batch', async () => {
    const { started, createWorker } = fakeWorkers('answer');
    const compressor = createCompressor({ createWorker });
    const results = await Promise.all(['{"a":1}', '{"b":2}', '{"c":3}'].map((json) => compressor.compress(json)));
    expect(results.map(text)).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
    expect(started).toHaveLength(1);
    expect(compressor.usesWorker).toBe(true);
  });

  it('compresses on the main thread what a hung worker holds, and stops using it', async () => {
    const { started, createWorker } = fakeWorkers('hang');
    const compressor = createCompressor({ createWorker, timeoutMs: 20 });
    const [first, second] = await Promise.all([compressor.compress('{"a":1}'), compressor.compress('{"b":2}')]);
    expect([text(first), text(second)]).toEqual(['{"a":1}', '{"b":2}']);
    expect(compressor.usesWorker).toBe(false);
    expect(text(await compressor.compress('{"c":3}'))).toBe('{"c":3}');
    expect(started).toHaveLength(1);
    expect((started[0] as unknown as { terminated: boolean }).terminated).toBe(true);
  });

  it('falls back at once when the worker cannot start (a CSP that forbids blob: workers)', async () => {
    const { createWorker } = fakeWorkers('fail');
    const compressor = createCompressor({ createWorker, timeoutMs: 60_000 });
    expect(text(await compressor.compress('{"a":1}'))).toBe('{"a":1}');
    expect(compressor.usesWorker).toBe(false);
    const throwing = createCompressor({
      createWorker: () => {
        throw new Error('SecurityError');
      },
    });
    expect(text(await throwing.compress('{"b":2}'))).toBe('{"b":2}');
  });

  it('wraps a batch in a stored gzip synchronously for unload', () => {
    const body = createCompressor({ createWorker: null }).store('{"é":"ü"}');
    expect(text(body)).toBe('{"é":"ü"}');
  });

  it('uploads from the worker once it has compressed a batch, and not before', async () => {
    const { createWorker, uploads } = fakeWorkers('answer', { kind: 'rate_limit', retryAfterMs: 2_000 });
    const compressor = createCompressor({ createWorker });
    expect(compressor.upload('https://h/batch', new Uint8Array([1]))).toBeUndefined();
    await compressor.compress('{"a":1}');
    const body = new Uint8Array([1, 2, 3]);
    expect(await compressor.upload('https://h/batch', body)).toEqual({ kind: 'rate_limit', retryAfterMs: 2_000 });
    expect(uploads).toEqual([{ url: 'https://h/batch', body }]);
  });

  it('counts an upload the worker never answers, or loses, as a network failure', async () => {
    const silent = fakeWorkers('answer');
    const slow = createCompressor({ createWorker: silent.createWorker, uploadTimeoutMs: 20 });
    await slow.compress('{"a":1}');
    expect(await slow.upload('https://h/batch', new Uint8Array([1]))).toEqual({ kind: 'network' });
    expect(slow.usesWorker).toBe(true); // a slow upload is the network's doing, not the worker's

    const lost = fakeWorkers('answer');
    const compressor = createCompressor({ createWorker: lost.createWorker });
    await compressor.compress('{"a":1}');
    const upload = compressor.upload('https://h/batch', new Uint8Array([1]));
    lost.started[0]?.onerror?.();
    expect(await upload).toEqual({ kind: 'network' });
    expect(compressor.upload('https://h/batch', new Uint8Array([1]))).toBeUndefined();
  });
});
