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

/**
 * For each target: a warm-up (not measured), a saturating peak run, then a paced run at half of its peak
 * rate. The targets take turns at each step, so that whatever else the machine is doing hits their paired
 * runs a few seconds apart rather than a minute apart.
 */
export async function benchTargets(
  targets: readonly BenchTarget[],
  load: LoadClient,
  settings: BenchSettings,
  log: (line: string) => void,
): Promise<TargetResult[]> {
  const plan = (target: BenchTarget, kind: LoadPlan['kind'], seconds: number, ratePerSecond?: number): LoadPlan => ({
    kind,
    origin: target.origin,
    publicKey: target.publicKey,
    // Unique per run: runs share a database and must never send a (session, seq) twice.
    sessionPrefix: `bench${randomBytes(6).toString('hex')}${kind}`,
    connections: settings.connections,
    durationSeconds: seconds,
    ...(ratePerSecond === undefined ? {} : { ratePerSecond }),
  });

  const warmups: LoadStats[] = [];
  for (const target of targets) {
    log(`${target.name}: warm-up ${settings.warmupSeconds} s`);
    warmups.push((await load.run(plan(target, 'peak', settings.warmupSeconds))).stats);
  }
  const peaks: RunMeasurement[] = [];
  for (const target of targets) {
    log(`${target.name}: peak, ${settings.connections} connections, ${settings.peakSeconds} s`);
    peaks.push(await measureRun(target, () => load.run(plan(target, 'peak', settings.peakSeconds))));
  }
  const results: TargetResult[] = [];
  for (const [i, target] of targets.entries()) {
    const peak = peaks[i] as RunMeasurement;
    const rate = Math.max(1, Math.round(peak.batchesPerSecond / 2));
    log(`${target.name}: paced at ${rate} batches/s (half of peak), ${settings.halfSeconds} s`);
    const half = await measureRun(target, () => load.run(plan(target, 'paced', settings.halfSeconds, rate)));
    results.push({ warmup: warmups[i] as LoadStats, peak, half: { ...half, ratePerSecond: rate } });
  }
  return results;
}
