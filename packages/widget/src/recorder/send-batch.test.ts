// @vitest-environment node
// Node's own fetch, against real HTTP (the CORS side is the server's tests').
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postBatch } from './send-batch';

// A real HTTP server answering each path the way the ingest API can.
const answers: Record<string, { status: number; headers?: Record<string, string>; body?: string }> = {
  '/ok': { status: 202 },
  '/busy': { status: 429, headers: { 'Retry-After': '7' } },
  '/ended': { status: 409, body: '{"error":{"code":"session_ended","message":"This session has ended."}}' },
  '/conflict': { status: 409, body: 'not json' },
  '/down': { status: 503, headers: { 'Retry-After': '2' } },
  '/bad': { status: 400, body: '{"error":{"code":"invalid_batch","message":"..."}}' },
};
let server: Server;
let origin: string;
const received: Buffer[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push(Buffer.concat(chunks));
      const answer = answers[request.url ?? ''] ?? { status: 404 };
      response.writeHead(answer.status, answer.headers).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const post = (path: string) => postBatch(fetch, `${origin}${path}`, new Uint8Array([31, 139, 8]), false);

describe('postBatch', () => {
  it('sends the body and reads every kind of answer', async () => {
    expect(await post('/ok')).toEqual({ kind: 'ok' });
    expect(received.at(-1)).toEqual(Buffer.from([31, 139, 8]));
    expect(await post('/busy')).toEqual({ kind: 'rate_limit', retryAfterMs: 7_000 });
    expect(await post('/ended')).toEqual({ kind: 'session_ended' });
    expect(await post('/conflict')).toEqual({ kind: 'http', status: 409, retry: false, retryAfterMs: 0 });
    expect(await post('/down')).toEqual({ kind: 'http', status: 503, retry: true, retryAfterMs: 2_000 });
    expect(await post('/bad')).toEqual({ kind: 'http', status: 400, retry: false, retryAfterMs: 0 });
  });

  it('answers network when nothing listens', async () => {
    expect(await postBatch(fetch, 'http://127.0.0.1:1/batch', new Uint8Array([1]), false)).toEqual({
      kind: 'network',
    });
  });

  it('runs from its source text alone, as the worker runs it', async () => {
    // A fresh context with none of this module's names: only the globals a worker has.
    const standalone = runInNewContext(`(${postBatch.toString()})`, { Number }) as typeof postBatch;
    expect(await standalone(fetch, `${origin}/busy`, new Uint8Array([1]), false)).toEqual({
      kind: 'rate_limit',
      retryAfterMs: 7_000,
    });
  });
});
