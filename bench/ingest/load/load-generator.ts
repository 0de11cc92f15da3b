/**
 * The load generator process, kept out of the servers' processes: forked by load-client.ts, it loads the
 * fixtures once, then runs each LoadPlan it receives over IPC and answers with its LoadStats.
 */
import { loadFixtureVisits } from '../fixtures';
import { createBatchSchedule } from './batch-schedule';
import type { LoadPlan, LoadStats } from './load-plan';
import { runPacedLoad } from './paced-load';
import { runPeakLoad } from './peak-load';

/** Concurrent sessions per connection: enough that no session ever has two batches in flight. */
const SESSIONS_PER_CONNECTION = 8;
const MIN_SESSIONS = 400;

export type LoadGeneratorMessage =
  | { kind: 'ready' }
  | { kind: 'done'; stats: LoadStats; sessions: number }
  | { kind: 'failed'; message: string };

const visits = await loadFixtureVisits();
const send = (message: LoadGeneratorMessage) => process.send?.(message);

process.on('message', (plan: LoadPlan) => {
  const schedule = createBatchSchedule(visits, {
    sessions: Math.max(MIN_SESSIONS, plan.connections * SESSIONS_PER_CONNECTION),
    sessionPrefix: plan.sessionPrefix,
    publicKey: plan.publicKey,
  });
  const run = plan.kind === 'peak' ? runPeakLoad(plan, schedule) : runPacedLoad(plan, schedule);
  run.then(
    (stats) => send({ kind: 'done', stats, sessions: schedule.sessionsStarted() }),
    (error: unknown) => send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
send({ kind: 'ready' });
