import { ensureDefaultApplication } from './bootstrap';
import type { Config } from './config';
import { createDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { type DatabaseLocation, openDatabase } from './db/open-database';
import type { ApplicationRow } from './db/schema';
import type { Logger } from './observability/logger';

/**
 * Everything that happens once before serving: find or start the database, apply migrations, make sure the
 * default application exists. Returns the database location (the caller stops it at shutdown).
 */
export async function prepareDatabase(
  config: Readonly<Config>,
  logger: Logger,
): Promise<{ database: DatabaseLocation; application: ApplicationRow; created: boolean }> {
  const database = await openDatabase(config, logger);
  const db = createDatabase({ connectionString: database.url, poolSize: 2 });
  try {
    const migrations = await migrateToLatest(db);
    for (const result of migrations.results ?? [])
      logger.info('migration applied', { migration: result.migrationName });
    const { application, created } = await ensureDefaultApplication(db, config.retention.defaultDays);
    return { database, application, created };
  } catch (error) {
    await database.stop();
    throw error;
  } finally {
    await db.destroy();
  }
}
