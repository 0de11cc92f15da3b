// `pnpm bench:widget`: what recording costs a page, for Hindsight's widget and its peers. Prints figures and
// writes bench/results/widget-<time>.json; never fails on time. See README.md for the method.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { readBenchConfig } from './bench-config';
import { buildBrowserBundles } from './build-browser-bundles';
import { JOURNEY_MS } from './journey/run-journey';
import { type QuickExitRecord, quickExitOnce } from './measure/quick-exit';
import { type RunRecord, runOnce } from './measure/run-once';
import { hindsightDetails, resultsTable, targetLines } from './report/print-table';
import { quickExitLine, summarizeQuickExits } from './report/quick-exit-summary';
import { runFigures } from './report/run-figures';
import { summarize } from './report/summarize';
import { writeResults } from './report/write-results';
import { startServices } from './start-services';

const WIDGET_MANIFEST = fileURLToPath(new URL('../../packages/widget/dist/assets/manifest.json', import.meta.url));
const BUSY_MACHINE_LOAD = 0.5;

const config = readBenchConfig(process.env);
if (!existsSync(WIDGET_MANIFEST)) throw new Error('packages/widget/dist is missing: run `pnpm build` first.');
const widgetFiles = JSON.parse(readFileSync(WIDGET_MANIFEST, 'utf8')) as Record<string, string>;
const startedAt = new Date().toISOString();
const loadBefore = os.loadavg()[0] ?? 0;
console.log(
  `widget bench: ${config.repeats} round(s) of ${config.variants.join(', ')}; ${JOURNEY_MS / 1_000} s journey each`,
);
if (loadBefore > BUSY_MACHINE_LOAD) {
  console.log(
    `note: the machine is busy (1-minute load ${loadBefore.toFixed(2)}): other processes inflate every figure`,
  );
}

const bundles = await buildBrowserBundles();
const services = await startServices(bundles);
process.once('SIGINT', () => void services.stop().then(() => process.exit(130)));
const variants = services.variants.filter((variant) => config.variants.includes(variant.id));
const records: RunRecord[] = [];
const quickExits: QuickExitRecord[] = [];
const hindsight = variants.find((variant) => variant.id === 'hindsight');
const probeScript = bundles.get('page-probe')?.code ?? '';
try {
  const total = config.repeats * variants.length;
  for (let round = 0; round < config.repeats; round++) {
    // Interleaved, and rotated each round, so slow drift on the machine does not land on one variant.
    const order = variants.map((_, i) => variants[(i + round) % variants.length] as (typeof variants)[number]);
    for (const variant of order) {
      const record = await runOnce({
        variant,
        repeat: round,
        chromiumPath: config.chromiumPath,
        siteOrigin: services.siteOrigin,
        probeScript,
      });
      records.push(record);
      const figures = runFigures(record, variant);
      console.log(
        `[${records.length}/${total}] ${variant.id.padEnd(9)} busy ${Math.round(figures.busyMs)} ms, longest task ` +
          `${Math.round(figures.longestTaskMs)} ms, ${Math.round(figures.recordingBytes / 1_000)} KB sent` +
          (figures.problems.length > 0 ? `, problems: ${figures.problems.slice(0, 3).join('; ')}` : ''),
      );
    }
    if (hindsight) {
      const options = {
        variant: hindsight,
        chromiumPath: config.chromiumPath,
        siteOrigin: services.siteOrigin,
        probeScript,
      };
      quickExits.push(await quickExitOnce(options));
    }
  }
} finally {
  await services.stop();
}

const figures = records.map((record) => {
  const variant = variants.find((v) => v.id === record.variant);
  if (!variant) throw new Error(`no variant ${record.variant}`);
  return runFigures(record, variant);
});
const summaries = summarize(variants, figures);
const quickExit = summarizeQuickExits(quickExits);
const chromium = execFileSync(config.chromiumPath, ['--version'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'ignore'],
}).trim();
console.log(`\n${resultsTable(summaries)}\n`);
for (const line of [...targetLines(summaries), ...hindsightDetails(summaries), ...quickExitLine(quickExit)])
  console.log(line);
const loadAfter = os.loadavg()[0] ?? 0;
const file = await writeResults(startedAt, {
  startedAt,
  finishedAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version, chromium, loadBefore, loadAfter },
  config,
  widgetFiles,
  bundleGzipBytes: Object.fromEntries([...bundles].map(([name, bundle]) => [name, bundle.gzipBytes])),
  summaries,
  quickExit,
  figures,
  records,
  quickExits,
});
console.log(
  `\n${chromium}, ${os.cpus().length} CPUs, load ${loadBefore.toFixed(2)} -> ${loadAfter.toFixed(2)}; results: ${file}`,
);
