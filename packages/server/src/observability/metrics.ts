/**
 * A small Prometheus registry for the figures Hindsight reports. Each process keeps its own counts as plain
 * data (`snapshot()`), so the snapshots of several worker processes can be summed into one exposition
 * (`renderMetrics`): a scrape sees the whole server, whichever worker answers it.
 */

/** Upper bounds (seconds) of the ingest latency histogram. */
export const LATENCY_BUCKETS_S = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] as const;

export interface MetricsSnapshot {
  /** name -> serialized label set -> value */
  counters: Record<string, Record<string, number>>;
  histograms: Record<string, { buckets: number[]; sum: number; count: number }>;
}

const HELP: Record<string, { type: 'counter' | 'histogram' | 'gauge'; help: string }> = {
  hindsight_ingest_batches_total: {
    type: 'counter',
    help: 'Ingest batches by result (accepted, duplicate, rejected) and error code',
  },
  hindsight_ingest_compressed_bytes_total: { type: 'counter', help: 'Compressed bytes of accepted batches' },
  hindsight_ingest_raw_bytes_total: { type: 'counter', help: 'Decompressed bytes of accepted batches' },
  hindsight_ingest_events_total: { type: 'counter', help: 'rrweb events in accepted batches' },
  hindsight_sessions_completed_total: { type: 'counter', help: 'Sessions completed, by end reason' },
  hindsight_sessions_deleted_total: { type: 'counter', help: 'Sessions deleted by the retention sweep' },
  hindsight_ingest_duration_seconds: { type: 'histogram', help: 'Time to answer an ingest batch' },
  hindsight_active_sessions: { type: 'gauge', help: 'Sessions currently active' },
};

export function createMetrics() {
  const snapshot: MetricsSnapshot = { counters: {}, histograms: {} };
  return {
    increment(name: string, labels: Record<string, string> = {}, by = 1): void {
      const series = (snapshot.counters[name] ??= {});
      const key = serializeLabels(labels);
      series[key] = (series[key] ?? 0) + by;
    },
    observe(name: string, seconds: number): void {
      const histogram = (snapshot.histograms[name] ??= {
        buckets: LATENCY_BUCKETS_S.map(() => 0),
        sum: 0,
        count: 0,
      });
      LATENCY_BUCKETS_S.forEach((bound, i) => {
        if (seconds <= bound) histogram.buckets[i] = (histogram.buckets[i] ?? 0) + 1;
      });
      histogram.sum += seconds;
      histogram.count += 1;
    },
    snapshot: (): MetricsSnapshot => structuredClone(snapshot),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** Sums snapshots from one or more processes and renders the Prometheus text format (0.0.4). */
export function renderMetrics(snapshots: MetricsSnapshot[], gauges: Record<string, number>): string {
  const merged = mergeSnapshots(snapshots);
  const lines: string[] = [];
  for (const [name, series] of Object.entries(merged.counters)) {
    header(lines, name);
    for (const [labels, value] of Object.entries(series)) lines.push(`${name}${labels} ${value}`);
  }
  for (const [name, histogram] of Object.entries(merged.histograms)) {
    header(lines, name);
    LATENCY_BUCKETS_S.forEach((bound, i) => {
      lines.push(`${name}_bucket{le="${bound}"} ${histogram.buckets[i] ?? 0}`);
    });
    lines.push(`${name}_bucket{le="+Inf"} ${histogram.count}`);
    lines.push(`${name}_sum ${histogram.sum}`, `${name}_count ${histogram.count}`);
  }
  for (const [name, value] of Object.entries(gauges)) {
    header(lines, name);
    lines.push(`${name} ${value}`);
  }
  return `${lines.join('\n')}\n`;
}

export function mergeSnapshots(snapshots: MetricsSnapshot[]): MetricsSnapshot {
  const merged: MetricsSnapshot = { counters: {}, histograms: {} };
  for (const snapshot of snapshots) {
    for (const [name, series] of Object.entries(snapshot.counters)) {
      const target = (merged.counters[name] ??= {});
      for (const [labels, value] of Object.entries(series)) target[labels] = (target[labels] ?? 0) + value;
    }
    for (const [name, histogram] of Object.entries(snapshot.histograms)) {
      const target = (merged.histograms[name] ??= { buckets: LATENCY_BUCKETS_S.map(() => 0), sum: 0, count: 0 });
      histogram.buckets.forEach((value, i) => {
        target.buckets[i] = (target.buckets[i] ?? 0) + value;
      });
      target.sum += histogram.sum;
      target.count += histogram.count;
    }
  }
  return merged;
}

function header(lines: string[], name: string): void {
  const meta = HELP[name];
  if (!meta) return;
  lines.push(`# HELP ${name} ${meta.help}`, `# TYPE ${name} ${meta.type}`);
}

function serializeLabels(labels: Record<string, string>): string {
  const entries = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return '';
  const body = entries.map(
    ([key, value]) => `${key}="${value.replace(/["\\\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`))}"`,
  );
  return `{${body.join(',')}}`;
}
