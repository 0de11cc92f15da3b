import { Agent, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BatchSchedule } from './batch-schedule';
import type { LoadPlan, LoadStats } from './load-plan';
import { createStatsRecorder } from './stats-recorder';

const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Open loop at a fixed rate: one batch every 1/rate seconds, sent whether or not earlier ones were answered
 * (over at most `connections` keep-alive sockets). Latency counts from the scheduled send time, so a stalled
 * server cannot hide its queue (no coordinated omission). autocannon's `overallRate` is not used here: it
 * lets every connection send its share of each second back to back at the start of that second, so "half
 * of peak" would arrive as bursts at full concurrency.
 */
export async function runPacedLoad(plan: LoadPlan, schedule: BatchSchedule): Promise<LoadStats> {
  const rate = plan.ratePerSecond ?? 1;
  const total = Math.max(1, Math.round(rate * plan.durationSeconds));
  const agent = new Agent({ keepAlive: true, maxSockets: plan.connections });
  const { hostname, port } = new URL(plan.origin);
  const stats = createStatsRecorder();
  const inFlight: Promise<void>[] = [];
  const started = performance.now();

  for (let i = 0; i < total; i++) {
    const scheduledAt = started + (i * 1_000) / rate;
    const wait = scheduledAt - performance.now();
    if (wait > 1) await sleep(Math.ceil(wait));
    const { path, batch } = schedule.next();
    inFlight.push(
      new Promise<void>((resolve) => {
        const req = request(
          {
            agent,
            hostname,
            port,
            path,
            method: 'POST',
            headers: { 'Content-Type': 'text/plain', 'Content-Length': batch.body.byteLength },
          },
          (response) => {
            let body = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (body += chunk));
            response.on('end', () => {
              const status = response.statusCode ?? 0;
              stats.latency(status, performance.now() - scheduledAt);
              stats.response(status, body, batch);
              resolve();
            });
          },
        );
        req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error('timeout')));
        req.on('error', () => {
          stats.error();
          resolve();
        });
        req.end(batch.body);
      }),
    );
  }
  await Promise.all(inFlight);
  const durationSeconds = (performance.now() - started) / 1_000;
  agent.destroy();
  return stats.finish(durationSeconds);
}
