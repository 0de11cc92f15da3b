import cluster from 'node:cluster';
import { startBanner } from './bootstrap';
import { connectWorkerMetrics, serveMetricsToWorkers } from './cluster/metrics-ipc';
import type { Config } from './config';
import type { Logger } from './observability/logger';
import { prepareDatabase } from './prepare-database';
import { serveProcess } from './serve-process';

/** The database URL the primary hands to its workers (an embedded database's URL is only known at run time). */
const WORKER_DATABASE_URL_ENV = 'HINDSIGHT_WORKER_DATABASE_URL';

/**
 * `hindsight start`: one process, or with HINDSIGHT_WORKERS > 1 a primary that prepares the database and
 * forks workers sharing the port. Workers keep no state another process needs (sessions live in PostgreSQL),
 * so the same holds across machines behind a load balancer.
 */
export async function startCommand(config: Readonly<Config>, logger: Logger, env: NodeJS.ProcessEnv): Promise<void> {
  if (cluster.isWorker) return startWorker(config, logger, env[WORKER_DATABASE_URL_ENV] ?? '');

  const { database, application, created, owner } = await prepareDatabase(config, logger);
  let shutdownServing: () => Promise<void>;
  if (config.workers === 1) {
    const serving = await serveProcess(config, logger, database.url);
    shutdownServing = serving.shutdown;
  } else {
    shutdownServing = await forkWorkers(config, logger, database.url);
  }
  logger.info('listening', {
    url: config.publicUrl,
    port: config.port,
    workers: config.workers,
    database: database.source,
  });
  process.stdout.write(startBanner(config.publicUrl, application, created, owner));

  onShutdownSignal(logger, async () => {
    await shutdownServing();
    await database.stop();
  });
}

async function startWorker(config: Readonly<Config>, logger: Logger, databaseUrl: string): Promise<void> {
  const serving = await serveProcess(
    config,
    logger.child({ worker: cluster.worker?.id }),
    databaseUrl,
    connectWorkerMetrics,
  );
  const stop = () => serving.shutdown().then(() => process.exit(0));
  // The primary asks for shutdown over IPC; a terminal's Ctrl-C also reaches workers directly.
  process.on('message', (message: { kind?: string }) => message?.kind === 'hindsight:shutdown' && stop());
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
  process.send?.({ kind: 'hindsight:listening' });
}

async function forkWorkers(
  config: Readonly<Config>,
  logger: Logger,
  databaseUrl: string,
): Promise<() => Promise<void>> {
  serveMetricsToWorkers();
  let stopping = false;
  const fork = () => cluster.fork({ [WORKER_DATABASE_URL_ENV]: databaseUrl });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.error('worker exited; starting a new one', { worker: worker.id, code, signal });
    fork();
  });
  const workers = Array.from({ length: config.workers }, fork);
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve) => worker.on('message', (m) => m?.kind === 'hindsight:listening' && resolve())),
    ),
  );
  return async () => {
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    await Promise.all(
      alive.map(
        (worker) =>
          new Promise<void>((resolve) => {
            worker.once('exit', () => resolve());
            worker.send({ kind: 'hindsight:shutdown' });
          }),
      ),
    );
  };
}

function onShutdownSignal(logger: Logger, shutdown: () => Promise<void>): void {
  let started = false;
  const handle = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    logger.info('shutting down', { signal });
    shutdown()
      .then(() => {
        logger.info('stopped');
        process.exit(0);
      })
      .catch((error) => {
        logger.error('shutdown failed', { error });
        process.exit(1);
      });
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
}
