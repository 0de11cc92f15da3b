import { type Kysely, type MigrationResultSet, Migrator } from 'kysely';
import { migrations } from './migrations/index';

/**
 * Applies every pending migration. Safe to run from several processes at once: kysely's PostgreSQL adapter
 * holds an advisory lock (pg_advisory_lock) while it migrates and creates its own bookkeeping tables
 * race-free, so a second server starting at the same moment waits, then finds nothing left to do
 * (migrate.test.ts runs two at once on a fresh database).
 */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}

/** Whether every known migration has been applied (used by /readyz). */
export async function hasPendingMigrations(db: Kysely<any>): Promise<boolean> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const all = await migrator.getMigrations();
  return all.some((migration) => migration.executedAt === undefined);
}
