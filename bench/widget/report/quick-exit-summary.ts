import type { QuickExitRecord } from '../measure/quick-exit';
import { median } from './summarize';

export interface QuickExitSummary {
  runs: number;
  /** The large page's unload listeners in total (ms): median and worst run. */
  unloadMedianMs: number;
  unloadMaxMs: number;
}

const total = (record: QuickExitRecord) => record.unload.reduce((sum, entry) => sum + entry.durationMs, 0);

export function summarizeQuickExits(records: QuickExitRecord[]): QuickExitSummary | undefined {
  if (records.length === 0) return undefined;
  const unload = records.map(total);
  return { runs: records.length, unloadMedianMs: median(unload), unloadMaxMs: Math.max(...unload) };
}

export function quickExitLine(summary: QuickExitSummary | undefined): string[] {
  if (!summary) return [];
  return [
    `Hindsight, leaving the large page while its first batch is in the compression worker (${summary.runs} runs): ` +
      `unload listeners ${Math.round(summary.unloadMedianMs)} ms median, ${Math.round(summary.unloadMaxMs)} ms worst ` +
      "(the widget's pagehide deals with the batch still in the worker synchronously).",
  ];
}
