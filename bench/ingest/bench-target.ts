import { randomBytes } from 'node:crypto';
import type { BenchSettings } from './bench-settings';
import type { LoadClient } from './load/load-client';
import type { LoadPlan, LoadStats } from './load/load-plan';
import { type MeasuredProcess, measureRun, type RunMeasurement } from './measure/measure-run';

/** A running ingest endpoint: the real server or the floor harness. */
export interface BenchTarget extends MeasuredProcess {
  name: string;
  origin: string;
  publicKey: string;
}

export interface TargetResult {
  /** Not measured; kept to check it had no failures. */
  warmup: LoadStats;
  peak: RunMeasurement;
  /** Paced at half of `peak.batchesPerSecond`. */
  half: RunMeasurement & { ratePerSecond: number };
}

/** Warm-up (not measured), a saturating peak run, then a paced run at half of the peak rate. */
export async function benchTarget(
  target: BenchTarget,
  load: LoadClient,
  settings: BenchSettings,
  log: (line: string) => void,
): Promise<TargetResult> {
  const plan = (kind: LoadPlan['kind'], durationSeconds: number, ratePerSecond?: number): LoadPlan => ({
    kind,
    origin: target.origin,
    publicKey: target.publicKey,
    // Unique per run: the runs share one database and must never send a (session, seq) twice.
    sessionPrefix: `bench${randomBytes(6).toString('hex')}${kind}`,
    connections: settings.connections,
    durationSeconds,
    ...(ratePerSecond === undefined ? {} : { ratePerSecond }),
  });

  log(`${target.name}: warm-up ${settings.warmupSeconds} s`);
  const warmup = await load.run(plan('peak', settings.warmupSeconds));
  log(`${target.name}: peak, ${settings.connections} connections, ${settings.peakSeconds} s`);
  const peak = await measureRun(target, () => load.run(plan('peak', settings.peakSeconds)));
  const ratePerSecond = Math.max(1, Math.round(peak.batchesPerSecond / 2));
  log(`${target.name}: paced at ${ratePerSecond} batches/s (half of peak), ${settings.halfSeconds} s`);
  const half = await measureRun(target, () => load.run(plan('paced', settings.halfSeconds, ratePerSecond)));
  return { warmup: warmup.stats, peak, half: { ...half, ratePerSecond } };
}
