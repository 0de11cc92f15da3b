import type { Config } from '../config';
import type { Logger } from '../observability/logger';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface DatabaseLocation {
  url: string;
  /** Where it came from, for logs (never the URL itself: it may hold a password). */
  source: 'DATABASE_URL' | 'embedded';
  /** Stops the embedded server; a no-op for an external database. */
  stop(): Promise<void>;
}

/** Uses DATABASE_URL when set; otherwise starts the embedded PostgreSQL under DATA_DIR. */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  logger: Logger,
): Promise<DatabaseLocation> {
  if (config.databaseUrl) return { url: config.databaseUrl, source: 'DATABASE_URL', stop: async () => {} };
  try {
    const embedded = await startEmbeddedPostgres(config.dataDir, logger);
    return { url: embedded.url, source: 'embedded', stop: embedded.stop };
  } catch (error) {
    throw new Error(
      `Could not start the embedded PostgreSQL in ${config.dataDir}/postgres (is another Hindsight using this DATA_DIR?). ` +
        'Set DATABASE_URL to use an external PostgreSQL instead.',
      { cause: error },
    );
  }
}
