import autocannon from 'autocannon';
import type { FixtureBatch } from '../fixtures';
import type { BatchSchedule } from './batch-schedule';
import type { LoadPlan, LoadStats } from './load-plan';
import { createStatsRecorder } from './stats-recorder';

const REQUEST_TIMEOUT_SECONDS = 10;

/**
 * Closed loop with autocannon: `connections` keep-alive connections, each sending its next batch as soon as
 * the previous one is answered, for `durationSeconds`. The throughput it reaches is the target's peak.
 */
export async function runPeakLoad(plan: LoadPlan, schedule: BatchSchedule): Promise<LoadStats> {
  const stats = createStatsRecorder();
  const started = performance.now();
  const result = await autocannon({
    url: plan.origin,
    connections: plan.connections,
    pipelining: 1,
    duration: plan.durationSeconds,
    timeout: REQUEST_TIMEOUT_SECONDS,
    requests: [
      {
        method: 'POST',
        // The context belongs to the connection and holds the batch in flight on it (pipelining 1).
        setupRequest: (request, context) => {
          const next = schedule.next();
          (context as { batch?: FixtureBatch }).batch = next.batch;
          return { ...request, path: next.path, body: next.batch.body, headers: { 'Content-Type': 'text/plain' } };
        },
        onResponse: (status, body, context) =>
          stats.response(status, body, (context as { batch?: FixtureBatch }).batch),
      },
    ],
    setupClient: (client) => client.on('response', (status, _bytes, ms) => stats.latency(status, ms)),
  });
  for (let i = 0; i < result.errors; i++) stats.error();
  return stats.finish((performance.now() - started) / 1_000);
}
