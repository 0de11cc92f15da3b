// `pnpm bench:widget:pool <results.json>...`: pools the runs of several `pnpm bench:widget` results files and
// prints each variant's ratio of added main-thread time to bare rrweb's, with the 90% bootstrap interval.
// One run of five rounds cannot tell 1.1x from 1.3x on a shared machine; the pooled rounds can narrow it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { addedRatio, pooledAddedRatio, pooledRatioInterval, ratioInterval } from './report/ratio-interval';
import type { RunFigures } from './report/run-figures';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: pnpm bench:widget:pool bench/results/widget-<time>.json [more results files]');
  process.exit(2);
}
const perFile: Map<string, number[]>[] = [];
const lines: string[] = [];
for (const file of files) {
  const { figures } = JSON.parse(await readFile(file, 'utf8')) as { figures: RunFigures[] };
  const busy = new Map<string, number[]>();
  for (const run of figures) busy.set(run.variant, [...(busy.get(run.variant) ?? []), run.busyMs]);
  perFile.push(busy);
  const runs = {
    baseline: busy.get('baseline') ?? [],
    ours: busy.get('hindsight') ?? [],
    reference: busy.get('rrweb') ?? [],
  };
  const [low, high] = ratioInterval(runs);
  lines.push(
    `${path.basename(file)}: ${runs.ours.length} rounds, Hindsight x bare rrweb ${addedRatio(runs).toFixed(2)} (${low.toFixed(2)}-${high.toFixed(2)})`,
  );
}
console.log(lines.join('\n'));
console.log("\npooled (each run against its own file's baseline; a file without the variant is left out of its line):");
const variants = new Set(perFile.flatMap((busy) => [...busy.keys()]));
const alone = perFile
  .filter((busy) => busy.has('hindsight') && busy.has('hindsight-chat') && busy.has('rrweb'))
  .map((busy) => ({
    baseline: busy.get('baseline') ?? [],
    ours: busy.get('hindsight') ?? [],
    reference: busy.get('rrweb') ?? [],
    oursBaseline: busy.get('hindsight-chat') ?? [],
  }));
if (alone.length > 0) {
  const [low, high] = pooledRatioInterval(alone);
  const rounds = alone.reduce((sum, runs) => sum + runs.ours.length, 0);
  console.log(
    `  ${'recording alone'.padEnd(15)} ${rounds} rounds, x bare rrweb ${pooledAddedRatio(alone).toFixed(2)} (90% interval ${low.toFixed(2)}-${high.toFixed(2)}): hindsight minus hindsight-chat`,
  );
}
for (const variant of [...variants].filter((id) => id !== 'baseline' && id !== 'rrweb')) {
  const files = perFile
    .filter((busy) => busy.has(variant) && busy.has('rrweb'))
    .map((busy) => ({
      baseline: busy.get('baseline') ?? [],
      ours: busy.get(variant) ?? [],
      reference: busy.get('rrweb') ?? [],
    }));
  const rounds = files.reduce((sum, runs) => sum + runs.ours.length, 0);
  const [low, high] = pooledRatioInterval(files);
  console.log(
    `  ${variant.padEnd(15)} ${rounds} rounds, x bare rrweb ${pooledAddedRatio(files).toFixed(2)} (90% interval ${low.toFixed(2)}-${high.toFixed(2)})`,
  );
}
