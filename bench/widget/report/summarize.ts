import type { Variant, VariantId } from '../variants/variant';
import type { RecorderWork } from './attribute-scripts';
import { addedRatio, ratioInterval } from './ratio-interval';
import type { RunFigures } from './run-figures';

/** One variant's figures over its runs: medians, except where the worst run is what matters. */
export interface VariantSummary {
  variant: VariantId;
  label: string;
  runs: number;
  busyMs: number;
  /** Fastest and slowest run's busy time: how much the machine moved the figures. */
  busyRangeMs: [number, number];
  /** Median busy time minus the baseline's median (ms per run): what recording added. */
  addedMs: number;
  addedDemoMs: number;
  addedLargeMs: number;
  /** addedMs over bare rrweb's addedMs. */
  addedVsRrweb?: number;
  /**
   * 90% bootstrap intervals of this variant's added time over another's (rrweb, the peers): how far the
   * machine's noise could move the ratio.
   */
  addedVsIntervals: Partial<Record<VariantId, [number, number]>>;
  /**
   * Hindsight only, when its chat was also measured with recording off: what recording alone adds (busy time
   * over the chat's), and that over bare rrweb's added time, with its 90% interval.
   */
  recordingAlone?: { addedMs: number; vsRrweb: number; interval: [number, number] };
  longestTaskMs: number;
  /** Longest recorder work that is not compression or transport, median over runs. */
  longestRecordingMs: number;
  /** Longest compression/transport work in any run (the target is about every task, so the worst run). */
  worstTransport?: RecorderWork;
  bytesPerMinute: number;
  /** Share of the bytes that were batches already sent once. */
  duplicateShare: number;
  /** Raw JSON bytes per compressed byte (Hindsight), median. */
  compressionRatio?: number;
  rrwebJsonBytesPerMinute?: number;
  heapBytes: number;
  workersStarted: number;
  maxLateMs: number;
}

/** The recorders others are compared with. */
const REFERENCES: VariantId[] = ['rrweb', 'sentry', 'posthog'];

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function summarize(variants: Variant[], figures: RunFigures[]): VariantSummary[] {
  const of = (id: VariantId) => figures.filter((run) => run.variant === id);
  const baseline = of('baseline');
  const base = {
    busy: median(baseline.map((run) => run.busyMs)),
    demo: median(baseline.map((run) => run.demoBusyMs)),
    large: median(baseline.map((run) => run.largeBusyMs)),
  };
  const summaries = variants
    .filter((variant) => of(variant.id).length > 0)
    .map((variant): VariantSummary => {
      const runs = of(variant.id);
      const pick = (value: (run: RunFigures) => number) => median(runs.map(value));
      const transports = runs.flatMap((run) => (run.longestTransport ? [run.longestTransport] : []));
      const worstTransport = transports.sort((a, b) => b.durationMs - a.durationMs)[0];
      const compressed = runs.filter((run) => run.rawBytes !== undefined && run.recordingBytes > 0);
      const rrwebJson = runs.filter((run) => run.rrwebJsonBytes !== undefined);
      return {
        variant: variant.id,
        label: variant.label,
        runs: runs.length,
        busyMs: pick((run) => run.busyMs),
        busyRangeMs: [Math.min(...runs.map((run) => run.busyMs)), Math.max(...runs.map((run) => run.busyMs))],
        addedMs: pick((run) => run.busyMs) - base.busy,
        addedDemoMs: pick((run) => run.demoBusyMs) - base.demo,
        addedLargeMs: pick((run) => run.largeBusyMs) - base.large,
        longestTaskMs: pick((run) => run.longestTaskMs),
        longestRecordingMs: pick((run) => run.longestRecording?.durationMs ?? 0),
        ...(worstTransport ? { worstTransport } : {}),
        bytesPerMinute: pick((run) => run.bytesPerMinute),
        duplicateShare: pick((run) => (run.recordingBytes > 0 ? run.duplicateBytes / run.recordingBytes : 0)),
        ...(compressed.length > 0
          ? {
              compressionRatio: median(
                compressed.map((run) => (run.rawBytes ?? 0) / (run.recordingBytes - run.duplicateBytes)),
              ),
            }
          : {}),
        ...(rrwebJson.length > 0
          ? {
              rrwebJsonBytesPerMinute: median(
                rrwebJson.map((run) => (run.rrwebJsonBytes ?? 0) / (run.elapsedMs / 60_000)),
              ),
            }
          : {}),
        heapBytes: pick((run) => run.heapBytes),
        workersStarted: pick((run) => run.workersStarted),
        maxLateMs: Math.max(...runs.map((run) => run.maxLateMs)),
        addedVsIntervals: {},
      };
    });
  const rrweb = summaries.find((summary) => summary.variant === 'rrweb');
  const busy = (id: VariantId) => of(id).map((run) => run.busyMs);
  const references = summaries.filter((s) => REFERENCES.includes(s.variant) && s.addedMs > 0);
  for (const summary of summaries) {
    if (summary.variant === 'baseline' || baseline.length === 0) continue;
    if (rrweb && rrweb.addedMs > 0) summary.addedVsRrweb = summary.addedMs / rrweb.addedMs;
    for (const reference of references.filter((r) => r.variant !== summary.variant)) {
      summary.addedVsIntervals[reference.variant] = ratioInterval({
        baseline: busy('baseline'),
        ours: busy(summary.variant),
        reference: busy(reference.variant),
      });
    }
  }
  const ours = summaries.find((summary) => summary.variant === 'hindsight');
  const chat = summaries.find((summary) => summary.variant === 'hindsight-chat');
  if (ours && chat && rrweb && rrweb.addedMs > 0) {
    const runs = {
      baseline: busy('baseline'),
      ours: busy('hindsight'),
      reference: busy('rrweb'),
      oursBaseline: busy('hindsight-chat'),
    };
    ours.recordingAlone = {
      addedMs: ours.busyMs - chat.busyMs,
      vsRrweb: addedRatio(runs),
      interval: ratioInterval(runs),
    };
  }
  return summaries;
}
