import type { QuickExitRecord } from '../measure/quick-exit';
import { median } from './summarize';

export interface QuickExitSummary {
  runs: number;
  /** The large page's unload listeners in total (ms): median and worst run. */
  unloadMedianMs: number;
  unloadMaxMs: number;
  /** Runs in which the large page's first batch (seq 0, the full snapshot) reached the server. */
  firstBatchArrived: number;
}

const total = (record: QuickExitRecord) => record.unload.reduce((sum, entry) => sum + entry.durationMs, 0);

export function summarizeQuickExits(records: QuickExitRecord[]): QuickExitSummary | undefined {
  if (records.length === 0) return undefined;
  const unload = records.map(total);
  const firstBatchArrived = records.filter((record) =>
    record.received.some((body) => body.batch?.seq === 0 && body.status === 200),
  ).length;
  return { runs: records.length, unloadMedianMs: median(unload), unloadMaxMs: Math.max(...unload), firstBatchArrived };
}

export function quickExitLine(summary: QuickExitSummary | undefined): string[] {
  if (!summary) return [];
  return [
    `Hindsight, leaving the large page while its first batch is in the compression worker (${summary.runs} runs): ` +
      `unload listeners ${Math.round(summary.unloadMedianMs)} ms median, ${Math.round(summary.unloadMaxMs)} ms worst ` +
      `(pagehide keeps the batch still in the worker for the next page); that batch reached the server in ` +
      `${summary.firstBatchArrived} of ${summary.runs} runs.`,
  ];
}
