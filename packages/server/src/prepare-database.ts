import { ensureDefaultApplication } from './bootstrap';
import { ensureOwner, type OwnerBootstrap } from './bootstrap-owner';
import type { Config } from './config';
import { createDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { type DatabaseLocation, openDatabase } from './db/open-database';
import type { ApplicationRow } from './db/schema';
import type { Logger } from './observability/logger';

/**
 * Everything that happens once before serving: find or start the database, apply migrations, make sure the
 * default application and an owner (or a setup link) exist. Returns the database location (the caller stops it at shutdown).
 */
export async function prepareDatabase(
  config: Readonly<Config>,
  logger: Logger,
): Promise<{ database: DatabaseLocation; application: ApplicationRow; created: boolean; owner: OwnerBootstrap }> {
  const database = await openDatabase(config, logger);
  const db = createDatabase({ connectionString: database.url, poolSize: 2 });
  try {
    const migrations = await migrateToLatest(db);
    for (const result of migrations.results ?? [])
      logger.info('migration applied', { migration: result.migrationName });
    const { application, created } = await ensureDefaultApplication(db, config.retention.defaultDays);
    const owner = await ensureOwner(db, { auth: config.auth, publicUrl: config.publicUrl, now: new Date() });
    if (owner.kind === 'created') logger.info('owner account created', { email: owner.email });
    return { database, application, created, owner };
  } catch (error) {
    await database.stop();
    throw error;
  } finally {
    await db.destroy();
  }
}
