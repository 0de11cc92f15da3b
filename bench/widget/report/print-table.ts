import type { VariantId } from '../variants/variant';
import type { VariantSummary } from './summarize';

const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)}` : '–');
const kb = (bytes: number) => `${Math.round(bytes / 1_000)}`;
const ratio = (value: number | undefined) => (value === undefined ? '–' : `${value.toFixed(2)}×`);

/** The results table (markdown, so it can go into the README as printed). */
export function resultsTable(summaries: VariantSummary[]): string {
  const header = [
    'variant',
    'busy ms / run: median (min–max)',
    'added main-thread ms / run',
    '× bare rrweb',
    'added: demo pages / large page',
    'longest task ms',
    'longest recorder work ms',
    'worst compression/transport ms (what)',
    'KB sent / min',
    'JS heap MB',
  ];
  const rows = summaries.map((s) => [
    s.label,
    `${ms(s.busyMs)} (${ms(s.busyRangeMs[0])}–${ms(s.busyRangeMs[1])})`,
    s.variant === 'baseline' ? '' : ms(s.addedMs),
    s.variant === 'baseline' ? '' : ratio(s.addedVsRrweb),
    s.variant === 'baseline' ? '' : `${ms(s.addedDemoMs)} / ${ms(s.addedLargeMs)}`,
    ms(s.longestTaskMs),
    s.variant === 'baseline' ? '' : ms(s.longestRecordingMs),
    s.worstTransport
      ? `${ms(s.worstTransport.durationMs)} (${s.worstTransport.invoker}, ${s.worstTransport.page})`
      : '–',
    s.bytesPerMinute > 0
      ? kb(s.bytesPerMinute)
      : s.rrwebJsonBytesPerMinute
        ? `(${kb(s.rrwebJsonBytesPerMinute)} raw JSON)`
        : '0',
    (s.heapBytes / 1_000_000).toFixed(1),
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const MAX_TASK_MS = 50;
const MAX_VS_RRWEB = 1.1;

/** The issue's targets for Hindsight, with what was measured. Informational: the bench never fails on time. */
export function targetLines(summaries: VariantSummary[]): string[] {
  const find = (id: string) => summaries.find((s) => s.variant === id);
  const ours = find('hindsight');
  if (!ours) return ['(Hindsight was not measured)'];
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  // A target is shown only when the noise could not have put the ratio on its other side.
  const interval = (reference: VariantId, limit: number) => {
    const [low, high] = ours.addedVsIntervals[reference] ?? [Number.NaN, Number.NaN];
    const shown = high <= limit || low > limit ? 'beyond the noise' : 'within the noise';
    return `90% bootstrap interval of the ratio ${low.toFixed(2)}-${high.toFixed(2)}x: ${shown}`;
  };
  const lines: string[] = [];
  if (ours.addedVsRrweb !== undefined) {
    lines.push(
      `Added main-thread time <= ${MAX_VS_RRWEB}x bare rrweb's: ${ours.addedVsRrweb.toFixed(2)}x ` +
        `(${ms(ours.addedMs)} vs ${ms(find('rrweb')?.addedMs ?? Number.NaN)} ms) -> ` +
        `${verdict(ours.addedVsRrweb <= MAX_VS_RRWEB)} (${interval('rrweb', MAX_VS_RRWEB)})`,
    );
  }
  const alone = ours.recordingAlone;
  if (alone) {
    const [low, high] = alone.interval;
    lines.push(
      `  of which recording alone (Hindsight minus its chat with recording off, GPC): ${ms(alone.addedMs)} ms, ` +
        `${alone.vsRrweb.toFixed(2)}x bare rrweb's (90% bootstrap interval ${low.toFixed(2)}-${high.toFixed(2)}x); ` +
        `the chat itself ${ms(find('hindsight-chat')?.addedMs ?? Number.NaN)} ms`,
    );
  }
  for (const peer of ['sentry', 'posthog'] as const) {
    const other = find(peer);
    if (!other) continue;
    lines.push(
      `Below ${other.label}: ${ms(ours.addedMs)} vs ${ms(other.addedMs)} ms -> ` +
        `${verdict(ours.addedMs < other.addedMs)} (${interval(peer, 1)})`,
    );
  }
  const worst = ours.worstTransport;
  lines.push(
    `No main-thread task over ${MAX_TASK_MS} ms from compression or transport: worst ${worst ? `${ms(worst.durationMs)} ms (${worst.invoker} on ${worst.page})` : 'none seen'} -> ${verdict(!worst || worst.durationMs <= MAX_TASK_MS)}`,
  );
  return lines;
}

/** Hindsight's transport in figures: what the bytes column is made of. */
export function hindsightDetails(summaries: VariantSummary[]): string[] {
  const ours = summaries.find((s) => s.variant === 'hindsight');
  if (!ours) return [];
  return [
    `Hindsight batches: ${Math.round(ours.duplicateShare * 100)}% of the bytes were batches sent again (same session and seq); ` +
      `compression ${ours.compressionRatio?.toFixed(1) ?? '?'}:1 (raw JSON / gzip); ${ours.workersStarted} web workers started per run.`,
  ];
}
