import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { INGEST_BATCH_PATH } from '@hindsight/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../src/db/embedded-postgres';
import { batchBody, newSessionId } from './support/batches';
import { runCli } from './support/cli-process';
import { createTestDatabase, type TestDatabase } from './support/test-database';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase({ migrate: false });
});
afterAll(() => testDb?.drop());

const batchPath = (key: string, sessionId: string, seq: number) =>
  `${INGEST_BATCH_PATH}?key=${key}&session=${sessionId}&seq=${seq}`;

function post(port: number, key: string, sessionId: string, seq: number) {
  return fetch(`http://127.0.0.1:${port}${batchPath(key, sessionId, seq)}`, { method: 'POST', body: batchBody() });
}

/** Posts a batch whose body is still arriving when `signal` runs; resolves with the response status. */
function postWhileSignalling(port: number, key: string, sessionId: string, seq: number, signal: () => void) {
  const body = batchBody();
  return new Promise<number>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: batchPath(key, sessionId, seq) }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.setHeader('content-length', body.byteLength);
    req.write(body.subarray(0, 10));
    setTimeout(() => {
      signal();
      setTimeout(() => req.end(body.subarray(10)), 300);
    }, 200);
  });
}

function requestOnNewConnection(port: number, method: string, path: string, body?: Buffer) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, agent: false }, (res) => {
      let text = '';
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('hindsight start', () => {
  it('with no DATABASE_URL: starts an embedded PostgreSQL, prints the key and snippet, and on SIGTERM finishes the batch in flight, then stops the database', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'hindsight-cli-'));
    await chmod(dataDir, 0o755);
    const port = await findFreePort();
    const server = runCli(['start'], { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    try {
      const [, key] = (await server.waitFor(/public key (pk_\w+)/)) as [string, string];
      expect(server.output()).toContain(
        `<script async src="http://localhost:${port}/widget.js" data-app-key="${key}"></script>`,
      );
      expect(server.output()).toContain('"database":"embedded"');
      const sessionId = newSessionId();
      expect((await post(port, key, sessionId, 0)).status).toBe(200);

      // A batch whose body is still arriving when the shutdown signal (SIGTERM, as a service manager sends) comes.
      const inFlight = postWhileSignalling(port, key, sessionId, 1, () => server.child.kill('SIGTERM'));
      expect(await inFlight).toBe(200);
      expect(await server.exited).toBe(0);
      expect(server.output()).toContain('"msg":"stopped"');
      expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
      // New connections are refused once it has stopped.
      await expect(post(port, key, sessionId, 2)).rejects.toThrow();

      // The data survived: start again on the same DATA_DIR, the session holds both chunks.
      const again = runCli(['start'], { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' });
      await again.waitFor(/public key pk_\w+/);
      expect(again.output()).not.toContain('(created now)');
      expect((await post(port, key, sessionId, 2)).status).toBe(200);
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toContain('hindsight_active_sessions 1');
      // Ctrl-C in a terminal signals the whole process group, the embedded PostgreSQL included: the batch in
      // flight must still be stored (PostgreSQL stops when Hindsight stops it, not on the terminal's signal).
      const interrupted = postWhileSignalling(port, key, sessionId, 3, () => again.interrupt());
      expect(await interrupted).toBe(200);
      expect(await again.exited).toBe(0);
      // The pool's connections closed before PostgreSQL stopped (none was cut off on the way out).
      for (const run of [server, again]) expect(run.output()).not.toContain('idle database connection failed');
    } finally {
      server.child.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('with HINDSIGHT_WORKERS=2: serves from two processes and /metrics counts the batches of both', async () => {
    const port = await findFreePort();
    const server = runCli(['start'], {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: testDb.url,
      HINDSIGHT_WORKERS: '2',
      LOG_LEVEL: 'info',
    });
    try {
      const [, key] = (await server.waitFor(/public key (pk_\w+)/)) as [string, string];
      const workers = execFileSync('pgrep', ['-P', String(server.child.pid)])
        .toString()
        .trim()
        .split('\n');
      expect(workers.length).toBeGreaterThanOrEqual(2);
      // A new connection each time: the cluster hands connections to the workers in turn, so each worker
      // serves some batches and each scrape may land on either; every scrape must count all six.
      const sessionId = newSessionId();
      for (let seq = 0; seq < 6; seq++) {
        expect((await requestOnNewConnection(port, 'POST', batchPath(key, sessionId, seq), batchBody())).status).toBe(
          200,
        );
      }
      for (let scrape = 0; scrape < 4; scrape++) {
        const metrics = await requestOnNewConnection(port, 'GET', '/metrics');
        expect(metrics.body).toContain('hindsight_ingest_batches_total{result="accepted"} 6');
      }
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    } finally {
      server.child.kill('SIGKILL');
    }
  });
});

describe('other commands', () => {
  it('migrate and create-app work against DATABASE_URL', async () => {
    const migrate = runCli(['migrate'], { DATABASE_URL: testDb.url });
    expect(await migrate.exited).toBe(0);
    expect(migrate.output()).toMatch(/Up to date|Applied/);

    const created = runCli(['create-app', '--name', 'Shop', '--origins', 'https://shop.example'], {
      DATABASE_URL: testDb.url,
    });
    expect(await created.exited).toBe(0);
    const key = created.output().match(/Public key: (pk_\w+)/)?.[1];
    const row = await testDb.db
      .selectFrom('applications')
      .selectAll()
      .where('public_key', '=', key ?? '')
      .executeTakeFirst();
    expect(row).toMatchObject({ name: 'Shop', allowed_origins: ['https://shop.example'] });
  });

  it('refuses bad configuration with every problem listed, and bad arguments with usage', async () => {
    const bad = runCli(['start'], { PORT: 'x', HINDSIGHT_WORKERS: '999' });
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toContain('PORT');
    expect(bad.output()).toContain('HINDSIGHT_WORKERS');

    const noName = runCli(['create-app'], { DATABASE_URL: testDb.url });
    expect(await noName.exited).toBe(2);
    expect(noName.output()).toContain('--name');
  });
});
