import { cpus } from 'node:os';
import type { BenchSettings } from '../bench-settings';
import type { TargetResult } from '../bench-targets';
import type { FixtureBatch } from '../fixtures';
import type { LoadStats } from '../load/load-plan';

/** Targets from the ingest design: one server process reaches 80% of the floor; p99 under 50 ms at half of peak. */
export const THROUGHPUT_TARGET_VS_FLOOR = 0.8;
export const P99_TARGET_AT_HALF_MS = 50;

/** Everything one benchmark run found, as printed and as written to bench/results. */
export interface BenchReport {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; node: string };
  database: string;
  /** Share of all cores busy just before the runs, from other jobs: above ~10% the figures are noisy. */
  backgroundLoad: number;
  settings: BenchSettings;
  fixtures: { batches: number; visits: number; meanCompressedBytes: number; meanRawBytes: number; meanEvents: number };
  hindsight: TargetResult;
  floor: TargetResult;
  /** hindsight / floor. */
  ratios: { throughput: number; p99AtPeak: number; p99AtHalf: number; serverCpuPerBatch: number };
  targets: {
    throughputVsFloor: { target: number; value: number; met: boolean };
    /**
     * The same target from CPU time: one process can use one core, so its capacity is 1 core / CPU per batch.
     * Unlike measured throughput it holds up when other jobs (or PostgreSQL) take cores from the server.
     */
    capacityVsFloor: { target: number; value: number; met: boolean };
    p99AtHalfMs: { target: number; value: number; met: boolean };
  };
  /** Anything that makes the figures untrustworthy (failed requests, duplicates, missing rows): exit code 1. */
  problems: string[];
}

/** Builds the report and lists the problems (non-2xx, socket errors, duplicates) of every run. */
export function buildReport(input: {
  startedAt: Date;
  database: string;
  backgroundLoad: number;
  settings: BenchSettings;
  visits: FixtureBatch[][];
  hindsight: TargetResult;
  floor: TargetResult;
  extraProblems: string[];
}): BenchReport {
  const { hindsight, floor } = input;
  const batches = input.visits.flat();
  const mean = (pick: (b: FixtureBatch) => number) => batches.reduce((sum, b) => sum + pick(b), 0) / batches.length;
  const throughput = hindsight.peak.batchesPerSecond / floor.peak.batchesPerSecond;
  const p99AtHalf = hindsight.half.load.latencyMs.p99;
  const capacity = floor.peak.serverCpuMsPerBatch / hindsight.peak.serverCpuMsPerBatch;
  return {
    startedAt: input.startedAt.toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '?', node: process.version },
    database: input.database,
    backgroundLoad: input.backgroundLoad,
    settings: input.settings,
    fixtures: {
      batches: batches.length,
      visits: input.visits.length,
      meanCompressedBytes: mean((b) => b.compressedBytes),
      meanRawBytes: mean((b) => b.rawBytes),
      meanEvents: mean((b) => b.events),
    },
    hindsight,
    floor,
    ratios: {
      throughput,
      p99AtPeak: hindsight.peak.load.latencyMs.p99 / floor.peak.load.latencyMs.p99,
      p99AtHalf: p99AtHalf / floor.half.load.latencyMs.p99,
      serverCpuPerBatch: hindsight.peak.serverCpuMsPerBatch / floor.peak.serverCpuMsPerBatch,
    },
    targets: {
      throughputVsFloor: {
        target: THROUGHPUT_TARGET_VS_FLOOR,
        value: throughput,
        met: throughput >= THROUGHPUT_TARGET_VS_FLOOR,
      },
      capacityVsFloor: {
        target: THROUGHPUT_TARGET_VS_FLOOR,
        value: capacity,
        met: capacity >= THROUGHPUT_TARGET_VS_FLOOR,
      },
      p99AtHalfMs: { target: P99_TARGET_AT_HALF_MS, value: p99AtHalf, met: p99AtHalf < P99_TARGET_AT_HALF_MS },
    },
    problems: [...runProblems('hindsight', hindsight), ...runProblems('floor', floor), ...input.extraProblems],
  };
}

function runProblems(name: string, result: TargetResult): string[] {
  const runs: Array<[string, LoadStats]> = [
    ['warm-up', result.warmup],
    ['peak', result.peak.load],
    ['half of peak', result.half.load],
  ];
  return runs.flatMap(([run, stats]) => {
    const problems: string[] = [];
    const failed = Object.entries(stats.failedByStatus);
    if (failed.length > 0) {
      problems.push(`${name} ${run}: non-2xx responses ${failed.map(([status, n]) => `${n} x ${status}`).join(', ')}`);
    }
    if (stats.errors > 0) problems.push(`${name} ${run}: ${stats.errors} socket errors or timeouts`);
    if (stats.duplicates > 0) problems.push(`${name} ${run}: ${stats.duplicates} batches answered as duplicates`);
    if (stats.ok === 0) problems.push(`${name} ${run}: no batch was accepted`);
    return problems;
  });
}
