import type { FixtureBatch } from '../fixtures';
import type { LoadStats } from './load-plan';

/** Accumulates responses and latencies of one run into LoadStats. */
export function createStatsRecorder() {
  const latencies: number[] = [];
  const failedByStatus: Record<string, number> = {};
  let ok = 0;
  let accepted = 0;
  let duplicates = 0;
  let errors = 0;
  let events = 0;
  let compressedBytes = 0;
  let rawBytes = 0;

  return {
    response(status: number, body: string, batch: FixtureBatch | undefined): void {
      if (status < 200 || status > 299) {
        failedByStatus[status] = (failedByStatus[status] ?? 0) + 1;
        return;
      }
      ok += 1;
      if (body.includes('"accepted"')) accepted += 1;
      else if (body.includes('"duplicate"')) duplicates += 1;
      if (!batch) return;
      events += batch.events;
      compressedBytes += batch.compressedBytes;
      rawBytes += batch.rawBytes;
    },
    latency(status: number, ms: number): void {
      if (status >= 200 && status <= 299) latencies.push(ms);
    },
    error(): void {
      errors += 1;
    },
    finish(durationSeconds: number): LoadStats {
      const sorted = Float64Array.from(latencies).sort();
      const at = (q: number) =>
        sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) : 0;
      const mean = sorted.length ? sorted.reduce((sum, v) => sum + v, 0) / sorted.length : 0;
      return {
        durationSeconds,
        ok,
        accepted,
        duplicates,
        failedByStatus,
        errors,
        events,
        compressedBytes,
        rawBytes,
        latencyMs: { mean, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted.at(-1) ?? 0 },
      };
    },
  };
}
