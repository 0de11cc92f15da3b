// `pnpm bench:widget:pool <results.json>...`: pools the runs of several `pnpm bench:widget` results files and
// prints each variant's added main-thread time and its ratio to bare rrweb, with the 90% bootstrap interval.
// One run of five rounds cannot tell 1.1x from 1.3x on a shared machine; the pooled rounds can narrow it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { addedRatio, ratioInterval } from './report/ratio-interval';
import type { RunFigures } from './report/run-figures';
import { median } from './report/summarize';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: pnpm bench:widget:pool bench/results/widget-<time>.json [more results files]');
  process.exit(2);
}
const busy = new Map<string, number[]>();
const lines: string[] = [];
for (const file of files) {
  const { figures } = JSON.parse(await readFile(file, 'utf8')) as { figures: RunFigures[] };
  const ofFile = (variant: string) => figures.filter((run) => run.variant === variant).map((run) => run.busyMs);
  for (const run of figures) busy.set(run.variant, [...(busy.get(run.variant) ?? []), run.busyMs]);
  const runs = { baseline: ofFile('baseline'), ours: ofFile('hindsight'), reference: ofFile('rrweb') };
  const [low, high] = ratioInterval(runs);
  lines.push(
    `${path.basename(file)}: ${runs.ours.length} rounds, Hindsight x bare rrweb ${addedRatio(runs).toFixed(2)} (${low.toFixed(2)}-${high.toFixed(2)})`,
  );
}
const of = (variant: string) => busy.get(variant) ?? [];
const baseline = median(of('baseline'));
console.log(lines.join('\n'));
console.log(`\npooled (${of('baseline').length} baseline runs):`);
for (const variant of [...busy.keys()].filter((id) => id !== 'baseline')) {
  const added = median(of(variant)) - baseline;
  let line = `  ${variant.padEnd(15)} ${of(variant).length} runs, added ${added.toFixed(0)} ms`;
  if (variant !== 'rrweb' && of('rrweb').length > 0) {
    const runs = { baseline: of('baseline'), ours: of(variant), reference: of('rrweb') };
    const [low, high] = ratioInterval(runs);
    line += `, x bare rrweb ${addedRatio(runs).toFixed(2)} (90% interval ${low.toFixed(2)}-${high.toFixed(2)})`;
  }
  console.log(line);
}
