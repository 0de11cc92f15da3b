import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { createLogger } from '../src/observability/logger';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server URL with the right to create databases; each test file makes its own. */
    adminDatabaseUrl: string;
  }
}

/**
 * Tests run against real PostgreSQL: DATABASE_URL when set (CI points it at the machine's server), otherwise
 * an embedded PostgreSQL started here in a temporary directory for this run.
 */
export default async function setup(project: TestProject) {
  const external = process.env.DATABASE_URL;
  if (external) {
    project.provide('adminDatabaseUrl', external);
    return;
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'hindsight-test-pg-'));
  await chmod(dataDir, 0o755); // mkdtemp makes it 700; as root, PostgreSQL runs as another user
  const embedded = await startEmbeddedPostgres(dataDir, createLogger('warn'));
  project.provide('adminDatabaseUrl', embedded.adminUrl);
  return async () => {
    await embedded.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
