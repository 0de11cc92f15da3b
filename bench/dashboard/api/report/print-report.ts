import type { CaseResult, MeasuredCases } from '../measure/measure-cases';
import type { SeededData } from '../seed/seed-database';

/** The issue's target: p95 of every first page under this at a million sessions. */
export const TARGET_P95_MS = 50;
/** Above this share of busy cores before a run, other jobs distort the latencies. */
const NOISY_BACKGROUND = 0.1;

/** Everything measured at one size. */
export interface SizeResult {
  size: string;
  database: string;
  seeded: SeededData;
  backgroundLoad: number;
  measured: MeasuredCases;
  /** EXPLAIN (ANALYZE, BUFFERS) of the SQL of every case, by `name page N`. */
  plans: Record<string, string>;
}

export interface DashboardApiReport {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; node: string };
  postgres: string;
  rounds: number;
  warmupRounds: number;
  /** Physical order of the seeded rows: `started` or `random`. */
  heapOrder: string;
  sizes: SizeResult[];
  problems: string[];
}

const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '-' : value.toFixed(2));
const ratio = (a: number | undefined, b: number) => (a === undefined ? '-' : `${(a / b).toFixed(1)}x`);
const int = (value: number) => value.toLocaleString('en-US');

/** Whether a case is over target: first pages only, by HTTP p95 (SQL p95 when the route is missing). */
export function overTarget(result: CaseResult): boolean {
  return (result.http?.p95 ?? result.sql.p95) >= TARGET_P95_MS;
}

const COLUMNS: Array<[string, number]> = [
  ['sessions', 10],
  ['endpoint + filter', 27],
  ['page', 5],
  ['p50 ms', 9],
  ['p95 ms', 9],
  ['p50 vs floor', 13],
  ['SQL p50', 9],
  ['SQL p95', 9],
  ['server adds p50', 16],
  ['target', 14],
];

const line = (cells: string[]) =>
  cells.map((cell, i) => (i < 2 ? cell.padEnd(COLUMNS[i]?.[1] ?? 0) : cell.padStart(COLUMNS[i]?.[1] ?? 0))).join('');

function caseRow(size: SizeResult, result: CaseResult): string {
  const { floor } = size.measured;
  const target = result.page !== 1 ? '' : result.http ? (overTarget(result) ? 'NOT met' : 'met') : 'no route';
  return line([
    int(size.seeded.sessions),
    result.name,
    String(result.page),
    ms(result.http?.p50),
    ms(result.http?.p95),
    ratio(result.http?.p50, floor.p50),
    ms(result.sql.p50),
    ms(result.sql.p95),
    result.http ? ms(result.http.p50 - result.sql.p50) : '-',
    target,
  ]);
}

/** The plain-text report: one table over every size, the floor row first in each. */
export function formatReport(report: DashboardApiReport): string {
  const out = [
    `Hindsight dashboard API benchmark, ${report.startedAt}`,
    `Machine: ${report.machine.cpus} CPUs (${report.machine.cpuModel}), Node ${report.machine.node}; PostgreSQL ${report.postgres} on 127.0.0.1`,
    `Per case: ${report.rounds} requests, one at a time on one keep-alive connection, after ${report.warmupRounds} warm-up rounds; every round sends each case once, runs its bare SQL once through pg, and GET /healthz once (the floor).`,
    `Seeded rows lie in the heap in ${report.heapOrder === 'started' ? 'the order sessions start (a young database)' : 'random order (--heap-order random: scattered, the worst case)'}.`,
    `Target: p95 < ${TARGET_P95_MS} ms for the first page of every filter at 1M sessions. "server adds" = HTTP p50 - SQL p50.`,
    '',
  ];
  for (const size of report.sizes) {
    const s = size.seeded;
    const seedSeconds = Object.values(s.seconds).reduce((a, b) => a + b, 0);
    out.push(
      `${int(s.sessions)} sessions (${int(s.active)} active, ${int(s.prompts)} prompts, ${int(s.messages)} messages; sessions table ${s.sessionsMB.toFixed(0)} MB with indexes), seeded in ${seedSeconds.toFixed(0)} s (${Object.entries(
        s.seconds,
      )
        .map(([step, sec]) => `${step} ${sec.toFixed(1)}`)
        .join(
          ', ',
        )}); counters ${s.counterProblems.length ? `WRONG: ${s.counterProblems.join('; ')}` : 'match the rows'}`,
      `  other jobs kept the machine ${Math.round(size.backgroundLoad * 100)}% busy just before this size's run${size.backgroundLoad > NOISY_BACKGROUND ? ' (noisy: compare with the same-run floor and SQL)' : ''}`,
    );
  }
  out.push('', line(COLUMNS.map(([name]) => name)));
  for (const size of report.sizes) {
    const { floor, cases } = size.measured;
    out.push(
      line([
        int(size.seeded.sessions),
        'GET /healthz (floor)',
        '',
        ms(floor.p50),
        ms(floor.p95),
        '1.0x',
        '',
        '',
        '',
        '',
      ]),
    );
    for (const result of cases) out.push(caseRow(size, result));
    out.push('');
  }
  const over = report.sizes.flatMap((size) =>
    size.measured.cases.filter((c) => c.page === 1 && overTarget(c)).map((c) => `${size.size} ${c.name}`),
  );
  out.push(
    over.length ? `Over target (first pages): ${over.join(', ')}` : 'Every measured first page is under target.',
  );
  if (report.problems.length) out.push('', 'PROBLEMS', ...report.problems.map((p) => `  - ${p}`));
  return out.join('\n');
}
