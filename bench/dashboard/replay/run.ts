import { launchChromium } from '../../../packages/dashboard/test/browser/replay-support/browser';
import { buildHarness } from '../../../packages/dashboard/test/browser/replay-support/build-harness';
import { startFakeApi } from '../../../packages/dashboard/test/browser/replay-support/fake-api-server';
import { gzipBatches } from '../../../packages/dashboard/test/browser/replay-support/recordings';
import { longRecording } from './long-recording';

/**
 * Replay benchmark: a 60-minute recording built from the real fixtures, served in the chunk frame format;
 * time to first frame and seek times of the Hindsight viewer against rrweb-player given every event up front,
 * in the same Chromium, alternating runs. Prints figures; never fails on time.
 */
const MINUTES = Number(process.env.BENCH_REPLAY_MINUTES ?? 60);
const ROUNDS = Number(process.env.BENCH_REPLAY_ROUNDS ?? 3);
/** Seek targets as fractions of the recording, in this order (forward, back, far back, end). */
const SEEKS: [string, number][] = [
  ['end', 1],
  ['start', 0],
  ['50%', 0.5],
  ['90%', 0.9],
  ['10%', 0.1],
  ['end again', 1],
  ['0% (first page)', 0],
];

interface Run {
  /** The replayed document after each seek (element count / text length): checkpoints must not change it. */
  fingerprints: Record<string, string>;
  firstFrameMs: number;
  /** First frame again, on a 50 Mbit/s link with 20 ms latency (Chromium's network emulation). */
  firstFrameSlowMs: number;
  loadedMs: number;
  /** Seek to the end as soon as the last chunk is in (before any background work is done). */
  seekEndAtLoadMs: number;
  /** When the background checkpoints covered the whole recording (the viewer only). */
  checkpointsReadyMs: number;
  checkpoints: number;
  seeks: Record<string, number>;
  longestTaskMs: number;
}

const recording = longRecording(MINUTES);
const rawBytes = recording.batches.reduce((n, b) => n + Buffer.byteLength(JSON.stringify(b)), 0);
const gzipBytes = gzipBatches(recording.batches).reduce((n, b) => n + b.byteLength, 0);
const eventCount = recording.batches.reduce((n, b) => n + b.events.length, 0);
console.log(
  `recording: ${MINUTES} min, ${eventCount} events in ${recording.batches.length} chunks, ${(rawBytes / 1e6).toFixed(1)} MB raw, ${(gzipBytes / 1e6).toFixed(1)} MB gzip`,
);
const files = await buildHarness({ baseline: new URL('./baseline-entry.ts', import.meta.url).pathname });
const api = await startFakeApi(files);
api.add(recording, { wholeEvents: true });
const browser = await launchChromium({ width: 1366, height: 900 });

/** Time to first frame on an emulated 50 Mbit/s, 20 ms link (a dashboard reached over the internet). */
async function firstFrameOnSlowLink(kind: 'viewer' | 'baseline'): Promise<number> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: (50_000_000 / 8) * 1,
    uploadThroughput: 10_000_000 / 8,
  });
  await page.goto(`${api.origin}/${kind}.html?session=${recording.id}`);
  await page.waitForFunction(() => (window as any).__replay.firstFrameAt !== null, null, { timeout: 120_000 });
  const ms = await page.evaluate(() => (window as any).__replay.firstFrameAt as number);
  await page.close();
  return ms;
}

async function measure(kind: 'viewer' | 'baseline'): Promise<Run> {
  const firstFrameSlowMs = await firstFrameOnSlowLink(kind);
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    (window as any).__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) (window as any).__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${api.origin}/${kind}.html?session=${recording.id}`);
  await page.waitForFunction(() => (window as any).__replay.firstFrameAt !== null, null, { timeout: 120_000 });
  const firstFrameMs = await page.evaluate(() => (window as any).__replay.firstFrameAt as number);
  await page.waitForFunction(() => (window as any).__replay.status === 'complete', null, { timeout: 300_000 });
  const loadedMs = await page.evaluate(() => performance.now());
  const seekOnce = (fraction: number) =>
    page.evaluate(async (f) => {
      const controller = (window as any).__replay.controller;
      const target = controller.state().totalMs * f;
      const t0 = performance.now();
      controller.seek(target);
      // Until the frame after the seek has been painted.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return performance.now() - t0;
    }, fraction);
  /** What the replay iframe shows, in short: element count and text length of its document. */
  const fingerprint = () =>
    page.evaluate(() => {
      const doc = document.querySelector<HTMLIFrameElement>('.replayer-wrapper iframe')!.contentDocument!;
      return `${doc.getElementsByTagName('*').length}/${(doc.body?.textContent ?? '').length}`;
    });
  const seekEndAtLoadMs = await seekOnce(1);
  await seekOnce(0);
  // The viewer builds checkpoints while idle; wait for them to cover the recording (the baseline has none).
  await page.waitForFunction(
    () => {
      const c = (window as any).__replay.controller;
      const stats = c.checkpointStats;
      return !stats || stats.progress > c.state().startTimestamp + c.state().totalMs;
    },
    null,
    { timeout: 300_000, polling: 250 },
  );
  const checkpointsReadyMs = await page.evaluate(() => performance.now());
  const checkpoints = await page.evaluate(() => (window as any).__replay.controller.checkpointStats?.count ?? 0);
  if (kind === 'viewer')
    console.log(
      'checkpoint stats',
      await page.evaluate(() => JSON.stringify((window as any).__replay.controller.checkpointStats)),
    );
  await page.waitForTimeout(500);
  const seeks: Record<string, number> = {};
  const fingerprints: Record<string, string> = {};
  for (const [name, fraction] of SEEKS) {
    seeks[name] = await seekOnce(fraction);
    fingerprints[name] = await fingerprint();
    if (kind === 'viewer' && process.env.BENCH_REPLAY_DEBUG)
      console.log(name, await page.evaluate(() => JSON.stringify((window as any).__replay.controller.checkpointStats)));
    await page.waitForTimeout(300);
  }
  const longestTaskMs = await page.evaluate(() => Math.max(0, ...(window as any).__longTasks));
  await page.close();
  return {
    fingerprints,
    firstFrameMs,
    firstFrameSlowMs,
    loadedMs,
    seekEndAtLoadMs,
    checkpointsReadyMs,
    checkpoints,
    seeks,
    longestTaskMs,
  };
}

const runs: Record<'viewer' | 'baseline', Run[]> = { viewer: [], baseline: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const kind of round % 2 === 0 ? (['viewer', 'baseline'] as const) : (['baseline', 'viewer'] as const)) {
    const run = await measure(kind);
    runs[kind].push(run);
    console.log(
      `round ${round + 1} ${kind}: first frame ${run.firstFrameMs.toFixed(0)} ms, loaded ${run.loadedMs.toFixed(0)} ms, end-at-load ${run.seekEndAtLoadMs.toFixed(0)} ms, ${run.checkpoints} checkpoints at ${run.checkpointsReadyMs.toFixed(0)} ms, seeks ${JSON.stringify(run.seeks, (_k, v) => (typeof v === 'number' ? Math.round(v) : v))}`,
    );
  }
}
await browser.close();
await api.close();

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const row = (label: string, pick: (run: Run) => number, unit = 'ms') => {
  const v = median(runs.viewer.map(pick));
  const b = median(runs.baseline.map(pick));
  return `| ${label.padEnd(32)} | ${`${v.toFixed(0)} ${unit}`.padStart(9)} | ${`${b.toFixed(0)} ${unit}`.padStart(9)} | ${(v / b).toFixed(2).padStart(5)}x |`;
};
console.log(`\nmedians of ${ROUNDS} runs each (${MINUTES}-minute recording, ${(rawBytes / 1e6).toFixed(1)} MB raw)\n`);
console.log(`| ${'measure'.padEnd(32)} | ${'Hindsight'.padStart(9)} | ${'baseline'.padStart(9)} | ratio |`);
console.log(`|${'-'.repeat(34)}|${'-'.repeat(11)}|${'-'.repeat(11)}|-------|`);
console.log(row('first replay frame', (r) => r.firstFrameMs));
console.log(row('first frame, 50 Mbit/s link', (r) => r.firstFrameSlowMs));
console.log(row('all events loaded', (r) => r.loadedMs));
console.log(row('seek to end, right after loading', (r) => r.seekEndAtLoadMs));
console.log(row('checkpoints cover the recording', (r) => r.checkpointsReadyMs));
for (const [name] of SEEKS) console.log(row(`seek to ${name}`, (r) => r.seeks[name]!));
console.log(row('worst seek', (r) => Math.max(...Object.values(r.seeks))));
console.log(row('longest main-thread task', (r) => r.longestTaskMs));
const mismatches = runs.viewer.flatMap((run, i) =>
  SEEKS.filter(([name]) => run.fingerprints[name] !== runs.baseline[i]!.fingerprints[name]).map(
    ([name]) => `${name}: ${run.fingerprints[name]} vs ${runs.baseline[i]!.fingerprints[name]}`,
  ),
);
console.log(
  mismatches.length === 0
    ? '\nreplayed DOM after every seek: same element count and text length as rrweb-player (checkpoints change nothing)'
    : `\nreplayed DOM differs from rrweb-player after: ${mismatches.join('; ')}`,
);
console.log('\ntargets: first frame < 1000 ms; every seek < 250 ms');
