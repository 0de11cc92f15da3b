/**
 * The floor harness: the least work any ingest server must do per batch, as its own process. Bare node:http
 * reads the body, gunzips it (zlib, on the thread pool like the server), JSON.parses it and stores the chunk
 * with ONE INSERT into a table with the same columns as the server's `chunks` (pg.Pool of 10, like the
 * server). No validation, no sessions, no framework. Env: PORT, DATABASE_URL. Prints `listening <port>`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { INGEST_BATCH_PATH } from '@hindsight/shared';
import pg from 'pg';

/** The server's pool: 10 connections, idle ones closed after 30 s. */
const POOL_SIZE = 10;
const POOL_IDLE_MS = 30_000;
const gunzipAsync = promisify(gunzip);

// Same columns, key and storage as the server's chunks table (2026-11-22T00-initial.ts), without the
// foreign key to sessions: the floor keeps no sessions.
const CREATE_TABLE = `
create table if not exists chunks (
  session_id text not null,
  seq integer not null check (seq >= 0),
  first_timestamp bigint not null,
  last_timestamp bigint not null,
  event_count integer not null,
  raw_bytes integer not null,
  data bytea not null,
  received_at timestamptz not null,
  constraint chunks_pkey primary key (session_id, seq)
);
alter table chunks alter column data set storage external;`;

const INSERT = `insert into chunks (session_id, seq, first_timestamp, last_timestamp, event_count, raw_bytes, data, received_at)
values ($1, $2, $3, $4, $5, $6, $7, $8)`;

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: POOL_SIZE,
  idleTimeoutMillis: POOL_IDLE_MS,
});
await pool.query(CREATE_TABLE);

async function ingest(request: IncomingMessage): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://floor');
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  const body = Buffer.concat(parts);
  const json = await gunzipAsync(body);
  const { events } = JSON.parse(json.toString('utf8')) as { events: Array<{ timestamp: number }> };
  await pool.query(INSERT, [
    url.searchParams.get('session'),
    Number(url.searchParams.get('seq')),
    Math.floor(events[0]?.timestamp ?? 0),
    Math.floor(events.at(-1)?.timestamp ?? 0),
    events.length,
    json.byteLength,
    body,
    new Date(),
  ]);
}

function answer(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(body);
}

const server = createServer((request, response) => {
  if (request.method !== 'POST' || !request.url?.startsWith(INGEST_BATCH_PATH)) {
    answer(response, 404, '{"error":{"code":"not_found"}}');
    return;
  }
  ingest(request).then(
    () => answer(response, 200, '{"result":"accepted"}'),
    (error: unknown) => {
      process.stderr.write(`floor: ${error instanceof Error ? error.message : String(error)}\n`);
      answer(response, 500, '{"error":{"code":"internal"}}');
    },
  );
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});

const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
