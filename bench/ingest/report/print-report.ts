import type { RunMeasurement } from '../measure/measure-run';
import type { BenchReport } from './bench-report';

/** Above this share of busy cores before the runs, other jobs distort throughput and latency. */
const NOISY_BACKGROUND = 0.1;

type Row = [label: string, hindsight: string, floor: string, ratio?: string];

const number = (value: number, digits = 1) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ratio = (value: number) => (Number.isFinite(value) ? `${number(value, 2)}x` : 'n/a');
const percent = (share: number) => `${Math.round(share * 100)}%`;
const latency = (run: RunMeasurement) => `${number(run.load.latencyMs.p50)} / ${number(run.load.latencyMs.p99)}`;

/** The report as a plain-text table: hindsight and floor side by side, ratios, targets. */
export function formatReport(report: BenchReport): string {
  const { hindsight: ours, floor, settings, fixtures, ratios, targets } = report;
  const runRows = (pick: (r: BenchReport['hindsight']) => RunMeasurement): Row[] => {
    const [a, b] = [pick(ours), pick(floor)];
    return [
      [
        'accepted batches/s',
        number(a.batchesPerSecond),
        number(b.batchesPerSecond),
        ratio(a.batchesPerSecond / b.batchesPerSecond),
      ],
      ['events/s', number(a.eventsPerSecond, 0), number(b.eventsPerSecond, 0)],
      [
        'compressed MB/s (raw MB/s)',
        `${number(a.compressedMBPerSecond, 2)} (${number(a.rawMBPerSecond, 0)})`,
        `${number(b.compressedMBPerSecond, 2)} (${number(b.rawMBPerSecond, 0)})`,
      ],
      ['latency p50 / p99 ms', latency(a), latency(b), `p99 ${ratio(a.load.latencyMs.p99 / b.load.latencyMs.p99)}`],
      [
        'one-process capacity/s (1 core / CPU)',
        number(1_000 / a.serverCpuMsPerBatch),
        number(1_000 / b.serverCpuMsPerBatch),
        ratio(b.serverCpuMsPerBatch / a.serverCpuMsPerBatch),
      ],
      [
        'server CPU ms/batch',
        number(a.serverCpuMsPerBatch, 2),
        number(b.serverCpuMsPerBatch, 2),
        ratio(a.serverCpuMsPerBatch / b.serverCpuMsPerBatch),
      ],
      [
        'PostgreSQL backends CPU ms/batch',
        number(a.postgresCpuMsPerBatch, 2),
        number(b.postgresCpuMsPerBatch, 2),
        ratio(a.postgresCpuMsPerBatch / b.postgresCpuMsPerBatch),
      ],
      [
        'cores busy: server / load generator',
        `${number(a.serverCores, 2)} / ${number(a.loadGeneratorCores, 2)}`,
        `${number(b.serverCores, 2)} / ${number(b.loadGeneratorCores, 2)}`,
      ],
      ['machine busy (all cores, all processes)', percent(a.machineBusy), percent(b.machineBusy)],
      ['batches (sessions)', `${a.load.ok} (${a.sessions})`, `${b.load.ok} (${b.sessions})`],
    ];
  };
  const rows: Array<Row | string> = [
    `Peak: ${settings.connections} connections, closed loop, ${settings.peakSeconds} s`,
    ...runRows((r) => r.peak),
    `Half of peak: paced open loop, ${settings.halfSeconds} s (hindsight ${ours.half.ratePerSecond}/s, floor ${floor.half.ratePerSecond}/s)`,
    ...runRows((r) => r.half),
  ];
  const widths = [40, 20, 20, 12];
  const line = (cells: ReadonlyArray<string | undefined>) =>
    cells.map((cell = '', i) => (i === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[i] ?? 0))).join('');
  const target = (label: string, value: string, met: boolean) =>
    `  ${label.padEnd(48)}${value.padStart(12)}   ${met ? 'met' : 'NOT met'}`;
  return [
    `Hindsight ingest benchmark, ${report.startedAt}`,
    `Machine: ${report.machine.cpus} CPUs (${report.machine.cpuModel}), Node ${report.machine.node}; database: ${report.database}`,
    `Other jobs kept the machine ${percent(report.backgroundLoad)} busy just before the runs${report.backgroundLoad > NOISY_BACKGROUND ? ': expect noisy figures, compare ratios, re-run on a quiet machine' : ''}`,
    `Fixtures: ${fixtures.batches} batches from ${fixtures.visits} page visits; per batch on average ${number(fixtures.meanCompressedBytes / 1_000)} KB gzip, ${number(fixtures.meanRawBytes / 1_000)} KB JSON, ${number(fixtures.meanEvents)} events`,
    '',
    line(['', 'hindsight', 'floor', 'ratio']),
    ...rows.map((row) => (typeof row === 'string' ? `\n${row}` : line(row))),
    '',
    'Targets',
    target(
      `throughput >= ${targets.throughputVsFloor.target}x floor, one process`,
      `${number(targets.throughputVsFloor.value, 3)}x`,
      targets.throughputVsFloor.met,
    ),
    target(
      '  the same from CPU per batch (1 core / CPU ms)',
      `${number(targets.capacityVsFloor.value, 3)}x`,
      targets.capacityVsFloor.met,
    ),
    target(
      `p99 < ${targets.p99AtHalfMs.target} ms at half of peak`,
      `${number(targets.p99AtHalfMs.value)} ms`,
      targets.p99AtHalfMs.met,
    ),
    `  (hindsight/floor: throughput ${ratio(ratios.throughput)}, p99 at peak ${ratio(ratios.p99AtPeak)}, p99 at half ${ratio(ratios.p99AtHalf)}, server CPU per batch ${ratio(ratios.serverCpuPerBatch)})`,
    ...(report.problems.length ? ['', 'PROBLEMS', ...report.problems.map((p) => `  - ${p}`)] : []),
  ].join('\n');
}
