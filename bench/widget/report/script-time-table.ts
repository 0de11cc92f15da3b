import type { RunRecord } from '../measure/run-once';
import type { Variant } from '../variants/variant';
import { median } from './summarize';

/** One variant's CPU profiles summed up: medians over its runs, ms per run. */
export interface ScriptTimeSummary {
  variant: Variant['id'];
  label: string;
  runs: number;
  /** In the recorder's own files: its JavaScript and the browser functions it called. */
  recorderMs: number;
  /** The recorder's files one by one (path, ms), largest first. */
  recorderFiles: [string, number][];
  /** In the page's own scripts (the demo's, the large page's app, the bench probe). */
  pageScriptsMs: number;
  /**
   * Browser work with no script on the stack (observer and microtask delivery, among others). Which side of
   * the line a recorder's work falls on depends on how its code is invoked (a module's promise jobs keep its
   * frames on the stack), so compare "recorder's files + no script" between recorders, not the files alone.
   */
  noScriptMs: number;
  gcMs: number;
  programMs: number;
}

const path = (url: string) => url.replace(/^[a-z]+:\/\/[^/]+/, '');

export function summarizeScriptTimes(variants: Variant[], records: RunRecord[]): ScriptTimeSummary[] {
  return variants.flatMap((variant) => {
    const runs = records.filter((record) => record.variant === variant.id && record.cpu);
    if (runs.length === 0) return [];
    const isRecorder = (url: string) => variant.scriptPrefixes.some((prefix) => url.startsWith(prefix));
    const perRun = runs.map(({ cpu }) => {
      const all = Object.entries(cpu?.byScript ?? {});
      const entries = all.filter(([url]) => /^[a-z]+:/.test(url));
      const sum = (list: [string, number][]) => list.reduce((total, [, ms]) => total + ms, 0);
      return {
        noScript: sum(all.filter(([url]) => !/^[a-z]+:/.test(url))),
        recorder: entries.filter(([url]) => isRecorder(url)),
        pageScripts: sum(entries.filter(([url]) => !isRecorder(url))),
        gc: cpu?.gcMs ?? 0,
        program: cpu?.programMs ?? 0,
      };
    });
    const files = new Map<string, number[]>();
    for (const run of perRun)
      for (const [url, ms] of run.recorder) files.set(path(url), [...(files.get(path(url)) ?? []), ms]);
    return [
      {
        variant: variant.id,
        label: variant.label,
        runs: runs.length,
        recorderMs: median(perRun.map((run) => run.recorder.reduce((total, [, ms]) => total + ms, 0))),
        recorderFiles: [...files]
          .map(([file, values]): [string, number] => [file, median(values)])
          .sort((a, b) => b[1] - a[1]),
        pageScriptsMs: median(perRun.map((run) => run.pageScripts)),
        noScriptMs: median(perRun.map((run) => run.noScript)),
        gcMs: median(perRun.map((run) => run.gc)),
        programMs: median(perRun.map((run) => run.program)),
      },
    ];
  });
}

const ms = (value: number) => `${Math.round(value)}`;

/** Markdown table of where each variant's main-thread time went, with the recorder's files below it. */
export function scriptTimeTable(summaries: ScriptTimeSummary[]): string {
  const rrweb = summaries.find((summary) => summary.variant === 'rrweb');
  const header = [
    'variant',
    'runs',
    "recorder's files ms",
    '× bare rrweb',
    'GC ms',
    "page's scripts ms",
    'no script ms',
    'outside JS ms',
  ];
  const rows = summaries.map((s) => [
    s.label,
    `${s.runs}`,
    s.variant === 'baseline' ? '' : ms(s.recorderMs),
    rrweb && rrweb.recorderMs > 0 && s.variant !== 'baseline' ? `${(s.recorderMs / rrweb.recorderMs).toFixed(2)}×` : '',
    ms(s.gcMs),
    ms(s.pageScriptsMs),
    ms(s.noScriptMs),
    ms(s.programMs),
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const files = summaries
    .filter((s) => s.recorderFiles.length > 0)
    .map((s) => `${s.label}: ${s.recorderFiles.map(([file, value]) => `${file} ${ms(value)}`).join(', ')}`);
  return [line(header), line(header.map(() => '---')), ...rows.map(line), '', ...files].join('\n');
}
