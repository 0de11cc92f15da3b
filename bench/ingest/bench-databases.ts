import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../packages/server/src/db/embedded-postgres';

/** The two fresh databases of one benchmark run, on one PostgreSQL server. */
export interface BenchDatabases {
  /** Where the real server keeps its tables (it runs its own migrations). */
  serverUrl: string;
  /** Where the floor harness creates its chunks table. */
  floorUrl: string;
  /** `external (DATABASE_URL)` or `embedded`, with the server version. */
  description: string;
  /** Drops both databases (and stops an embedded server, removing its files). */
  drop(): Promise<void>;
}

const SILENT_LOGGER = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child: () => SILENT_LOGGER,
};

/**
 * Creates `hindsight_bench_<random>` and `hindsight_bench_<random>_floor` on the server of `databaseUrl`
 * when given, otherwise on an embedded PostgreSQL started in a temporary directory.
 */
export async function openBenchDatabases(databaseUrl: string | undefined): Promise<BenchDatabases> {
  if (databaseUrl) return createOn(databaseUrl, 'external (DATABASE_URL)', async () => {});
  const dataDir = await mkdtemp(path.join(tmpdir(), 'hindsight-bench-pg-'));
  // As root the embedded server runs as the `postgres` user, which must be able to enter its data directory.
  await chmod(dataDir, 0o755);
  const removeDir = () => rm(dataDir, { recursive: true, force: true });
  const embedded = await startEmbeddedPostgres(dataDir, SILENT_LOGGER).catch(async (error: unknown) => {
    await removeDir();
    throw error;
  });
  const stopEmbedded = async () => {
    await embedded.stop();
    await removeDir();
  };
  try {
    return await createOn(embedded.adminUrl, 'embedded', stopEmbedded);
  } catch (error) {
    await stopEmbedded();
    throw error;
  }
}

async function createOn(adminUrl: string, kind: string, stopServer: () => Promise<void>): Promise<BenchDatabases> {
  const name = `hindsight_bench_${randomBytes(6).toString('hex')}`;
  const names = [name, `${name}_floor`];
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  let version: string;
  try {
    for (const db of names) await admin.query(`create database ${db}`);
    version = (await admin.query<{ server_version: string }>('show server_version')).rows[0]?.server_version ?? '?';
  } finally {
    await admin.end();
  }
  const urlFor = (db: string) => {
    const url = new URL(adminUrl);
    url.pathname = `/${db}`;
    return url.toString();
  };
  return {
    serverUrl: urlFor(name),
    floorUrl: urlFor(`${name}_floor`),
    description: `${kind}, PostgreSQL ${version}`,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        // `with (force)` ends any connection a crashed server left behind.
        for (const db of names) await client.query(`drop database if exists ${db} with (force)`);
      } finally {
        await client.end();
      }
      await stopServer();
    },
  };
}
