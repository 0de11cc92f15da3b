import { createMessageNotifier } from './chat/message-notifier';
import { createSecretBox } from './chat/secret-box';
import { loadSecretKey } from './chat/secret-key';
import type { Config } from './config';
import { closeDatabase, createDatabase, type Db } from './db/database';
import type { Logger } from './observability/logger';
import { createMetrics, type Metrics, type MetricsSnapshot } from './observability/metrics';
import { runServer } from './run-server';
import { loadStaticSites } from './static/load-static-sites';

export interface ServingProcess {
  port: number;
  /**
   * Graceful: stop accepting, end updates streams, finish in-flight batches, stop sweepers, close the pool. Safe
   * to call twice.
   */
  shutdown(): Promise<void>;
}

/** Serves HTTP in this process against the database at `databaseUrl` (one process, or one cluster worker). */
export async function serveProcess(
  config: Readonly<Config>,
  logger: Logger,
  databaseUrl: string,
  connectMetrics?: (metrics: Metrics) => () => Promise<MetricsSnapshot[]>,
): Promise<ServingProcess> {
  const db: Db = createDatabase({
    connectionString: databaseUrl,
    onPoolError: (error) => logger.warn('idle database connection failed', { error }),
  });
  const metrics = createMetrics();
  const sites = await loadStaticSites(config, db, logger);
  const secrets = createSecretBox(await loadSecretKey(config));
  const notifier = createMessageNotifier(db, logger);
  const server = await runServer({
    notifier,
    sites,
    db,
    config,
    logger,
    metrics,
    clock: () => new Date(),
    secrets,
    collectMetrics: connectMetrics?.(metrics),
  });
  let shuttingDown: Promise<void> | undefined;
  return {
    port: server.port,
    shutdown() {
      shuttingDown ??= (async () => {
        // Open updates streams would hold the HTTP server's close until its grace runs out: end them first.
        const [, { forced }] = await Promise.all([notifier.close(), server.close()]);
        if (forced) logger.warn('shutdown: requests still running after the grace period were cut off');
        await closeDatabase(db);
      })();
      return shuttingDown;
    },
  };
}
