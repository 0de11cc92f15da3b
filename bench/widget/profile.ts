// `pnpm bench:widget:profile`: the widget bench's journey under V8's CPU profiler, to see where each recorder's
// main-thread time goes (its own files, GC, the page). Figures from profiled runs are inflated by the profiler
// and are not the benchmark's; what they are good for is the split, which the machine's noise moves far less
// than the busy-time totals. Build with WIDGET_NO_MINIFY=1 for readable function names in the saved profiles.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readBenchConfig } from './bench-config';
import { buildBrowserBundles } from './build-browser-bundles';
import { type RunRecord, runOnce } from './measure/run-once';
import { scriptTimeTable, summarizeScriptTimes } from './report/script-time-table';
import { writeResults } from './report/write-results';
import { startServices } from './start-services';

const config = readBenchConfig(process.env);
const startedAt = new Date().toISOString();
const bundles = await buildBrowserBundles({ readableNames: config.readableNames });
const services = await startServices(bundles);
process.once('SIGINT', () => void services.stop().then(() => process.exit(130)));
const variants = services.variants.filter((variant) => config.variants.includes(variant.id));
const records: RunRecord[] = [];
try {
  for (let round = 0; round < config.repeats; round++) {
    for (const variant of variants.map(
      (_, i) => variants[(i + round) % variants.length] as (typeof variants)[number],
    )) {
      const probeScript = bundles.get('page-probe')?.code ?? '';
      const options = { variant, repeat: round, chromiumPath: config.chromiumPath, siteOrigin: services.siteOrigin };
      records.push(await runOnce({ ...options, probeScript, profile: true }));
      console.log(`[${records.length}/${config.repeats * variants.length}] ${variant.id} profiled`);
    }
  }
} finally {
  await services.stop();
}
const summaries = summarizeScriptTimes(variants, records);
console.log(`\n${scriptTimeTable(summaries)}\n`);
const file = await writeResults(
  startedAt,
  { startedAt, config, summaries, cpu: records.map((r) => ({ ...r.cpu, raw: undefined })) },
  'widget-profile',
);
console.log(`results: ${file}`);
// The raw profiles, one per run, open in DevTools (Performance > Load profile) or feed a per-function split.
const profileDir = file.replace(/\.json$/, '');
await mkdir(profileDir, { recursive: true });
for (const [i, record] of records.entries()) {
  const name = `${String(i + 1).padStart(2, '0')}-${record.variant}.cpuprofile`;
  await writeFile(path.join(profileDir, name), JSON.stringify(record.cpu?.raw ?? {}));
}
console.log(`profiles: ${profileDir}/`);
