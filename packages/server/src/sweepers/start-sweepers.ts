import type { AppDeps } from '../app-env';
import { refreshActiveEvents } from '../repos/session-queries-repo';
import { sweepSessionLifecycle } from './lifecycle-sweeper';
import { sweepRetention } from './retention-sweeper';
import { type PeriodicTask, runPeriodically } from './run-periodically';

/** Starts the lifecycle and retention sweepers. Every process may run them: both are safe to run concurrently. */
export function startSweepers(deps: AppDeps): PeriodicTask {
  const { db, config, clock, logger, metrics } = deps;
  const lifecycle = runPeriodically(
    'session lifecycle sweep',
    config.lifecycle.sweepIntervalMs,
    async () => {
      const completed = await sweepSessionLifecycle(db, config.lifecycle, clock());
      for (const session of completed) {
        metrics.increment('hindsight_sessions_completed_total', { reason: session.endReason });
      }
      if (completed.length > 0) logger.debug('sessions completed', { count: completed.length });
      await refreshActiveEvents(db);
    },
    logger,
  );
  const retention = runPeriodically(
    'retention sweep',
    config.retention.sweepIntervalMs,
    async () => {
      const deleted = await sweepRetention(db, clock(), config.retention.batchSize);
      metrics.increment('hindsight_sessions_deleted_total', {}, deleted);
      if (deleted > 0) logger.info('retention deleted sessions', { count: deleted });
    },
    logger,
  );
  return {
    async stop() {
      await Promise.all([lifecycle.stop(), retention.stop()]);
    },
  };
}
