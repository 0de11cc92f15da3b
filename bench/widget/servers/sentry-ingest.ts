import { createServer } from 'node:http';
import { allowCors } from './cors';
import { createIngestCounter, type IngestCounter, readBody } from './ingest-counter';
import { type Listening, listen } from './listen';

export interface SentryIngest extends Listening {
  /** A DSN whose envelope endpoint is this server. */
  dsn: string;
  counter: IngestCounter;
}

/** Stands in for sentry.io: accepts envelopes (`POST /api/<project>/envelope/`) and counts their bytes. */
export async function startSentryIngest(): Promise<SentryIngest> {
  const counter = createIngestCounter();
  const server = createServer(async (request, response) => {
    allowCors(request, response);
    if (request.method === 'OPTIONS') return response.writeHead(204).end();
    const body = await readBody(request);
    const path = new URL(request.url ?? '/', 'http://sentry').pathname;
    if (request.method !== 'POST' || !/^\/api\/\d+\/envelope\/$/.test(path)) {
      counter.recordUnexpected(`${request.method} ${path}`);
      return response.writeHead(404).end();
    }
    counter.record({ path, bytes: body.byteLength, status: 200, body });
    response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
  });
  const listening = await listen(server);
  const dsn = `${listening.origin.replace('//', '//benchkey@')}/1`;
  return { ...listening, dsn, counter };
}
