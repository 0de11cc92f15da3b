import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { type Batch, gzipBatches, type Recording, sessionDetail } from './recordings';

/** Static files the harness serves (the bundled viewer and its pages). */
export type StaticFiles = Record<string, { type: string; body: string | Buffer }>;

interface Stored {
  recording: Recording;
  gzipped: Buffer[];
  /** The detail answer, computed once per change (it walks every event). */
  detail?: string;
}

/**
 * A stand-in for the server's replay routes, answering exactly the documented contract
 * (`GET /api/sessions/:id`, `GET /api/sessions/:id/chunks?after=&limit=` as big-endian frames with
 * `X-Hindsight-Last-Seq`), plus `/events/:id.json` (the whole event array, for the rrweb-player baseline).
 */
export async function startFakeApi(files: StaticFiles) {
  const sessions = new Map<string, Stored>();
  const wholeEvents = new Map<string, Buffer>();
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
      response.end(body);
    };
    const file = files[url.pathname];
    if (file) return send(200, file.type, file.body);
    let match = /^\/api\/sessions\/([^/]+)$/.exec(url.pathname);
    if (match) {
      const stored = sessions.get(decodeURIComponent(match[1]!));
      if (!stored) return send(404, 'application/json', '{"error":{"code":"not_found","message":"No such session"}}');
      stored.detail ??= JSON.stringify(sessionDetail(stored.recording, stored.gzipped));
      return send(200, 'application/json', stored.detail);
    }
    match = /^\/api\/sessions\/([^/]+)\/chunks$/.exec(url.pathname);
    if (match) {
      const stored = sessions.get(decodeURIComponent(match[1]!));
      if (!stored) return send(404, 'application/json', '{"error":{"code":"not_found","message":"No such session"}}');
      const after = Number(url.searchParams.get('after') ?? -1);
      const limit = Math.min(200, Number(url.searchParams.get('limit') ?? 20));
      const frames: Buffer[] = [];
      stored.gzipped.forEach((body, seq) => {
        if (seq <= after || seq > after + limit) return;
        const header = Buffer.alloc(8);
        header.writeUInt32BE(seq, 0);
        header.writeUInt32BE(body.byteLength, 4);
        frames.push(header, body);
      });
      response.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Cache-Control': 'no-store',
        'X-Hindsight-Last-Seq': String(stored.gzipped.length - 1),
        'X-Hindsight-Status': stored.recording.status ?? 'completed',
      });
      // Written frame by frame, so the browser can start on the first while the rest is still on its way.
      for (const frame of frames) response.write(frame);
      return response.end();
    }
    match = /^\/events\/([^/]+)\.json$/.exec(url.pathname);
    if (match) {
      const body = wholeEvents.get(decodeURIComponent(match[1]!));
      if (!body) return send(404, 'text/plain', 'not found');
      return send(200, 'application/json', body, { 'Content-Encoding': 'gzip' });
    }
    send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    /** Stores a recording (replacing one with the same id). */
    add(recording: Recording, options: { wholeEvents?: boolean } = {}) {
      sessions.set(recording.id, { recording, gzipped: gzipBatches(recording.batches) });
      if (options.wholeEvents) {
        const events = recording.batches.flatMap((batch) => batch.events);
        wholeEvents.set(recording.id, gzipSync(JSON.stringify(events), { level: 6 }));
      }
    },
    /** Appends a batch to a stored recording (a live session sending more). */
    append(id: string, batch: Batch) {
      const stored = sessions.get(id)!;
      stored.recording.batches.push(batch);
      stored.gzipped.push(...gzipBatches([batch]));
      stored.detail = undefined;
    },
    setStatus(id: string, status: 'active' | 'completed') {
      const stored = sessions.get(id)!;
      stored.recording.status = status;
      stored.detail = undefined;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeApi = Awaited<ReturnType<typeof startFakeApi>>;
