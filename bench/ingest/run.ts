/**
 * `pnpm bench:ingest`: drives the real server (one process, `node packages/server/dist/cli.js start`) and the
 * floor harness with the recorded fixture batches from a separate load generator process, on fresh
 * databases, and prints throughput, latency and CPU per batch side by side. Prints figures; exits non-zero
 * only when something failed (non-2xx answers, socket errors, duplicates, missing rows). See bench/README.md.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../packages/server/src/db/embedded-postgres';
import { openBenchDatabases } from './bench-databases';
import { parseBenchSettings } from './bench-settings';
import { benchTargets, type TargetResult } from './bench-targets';
import { loadFixtureVisits } from './fixtures';
import { startLoadClient } from './load/load-client';
import { measureBackgroundLoad } from './measure/background-load';
import { countChunks } from './measure/count-chunks';
import { buildReport } from './report/bench-report';
import { formatReport } from './report/print-report';
import { RESULTS_DIR, writeResults } from './report/write-results';
import { startFloor } from './services/start-floor';
import { startHindsight } from './services/start-hindsight';

const TIME_LIMIT_MS = 240_000;

const env = process.env;
const settings = parseBenchSettings(env);
/** BENCH_CPU_PROF=1 writes V8 CPU profiles of the server and the floor to bench/results/profiles/. */
const profileNodeArgs = env.BENCH_CPU_PROF
  ? ['--cpu-prof', `--cpu-prof-dir=${path.join(RESULTS_DIR, 'profiles')}`]
  : [];

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const cleanups: Array<() => Promise<unknown> | unknown> = [];
async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await Promise.resolve()
      .then(cleanup)
      .catch((error: unknown) => log(`clean-up failed: ${error instanceof Error ? error.message : String(error)}`));
  }
}
const CLEAN_UP_LIMIT_MS = 30_000;
const abort = (reason: string) => {
  log(reason);
  setTimeout(() => process.exit(1), CLEAN_UP_LIMIT_MS).unref();
  cleanUp().finally(() => process.exit(1));
};
const deadline = setTimeout(() => abort(`took longer than ${TIME_LIMIT_MS / 1_000} s; stopping`), TIME_LIMIT_MS);
process.once('SIGINT', () => abort('interrupted'));
process.once('SIGTERM', () => abort('terminated'));

async function main(): Promise<number> {
  const startedAt = new Date();
  const visits = await loadFixtureVisits();
  const databases = await openBenchDatabases(env.DATABASE_URL);
  cleanups.push(() => databases.drop());
  log(`databases ready: ${databases.description}`);
  const load = await startLoadClient();
  cleanups.push(() => load.close());

  const dataDir = await mkdtemp(path.join(tmpdir(), 'hindsight-bench-data-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  if (profileNodeArgs.length) await mkdir(path.join(RESULTS_DIR, 'profiles'), { recursive: true });
  const server = await startHindsight({
    port: await findFreePort(),
    databaseUrl: databases.serverUrl,
    dataDir,
    nodeArgs: profileNodeArgs,
  });
  cleanups.push(() => server.stop());
  const floorService = await startFloor({
    port: await findFreePort(),
    databaseUrl: databases.floorUrl,
    nodeArgs: profileNodeArgs,
  });
  cleanups.push(() => floorService.stop());

  const backgroundLoad = await measureBackgroundLoad();
  log(`machine ${Math.round(backgroundLoad * 100)}% busy before the runs (other jobs)`);
  const [hindsight, floor] = (await benchTargets(
    [
      {
        name: 'hindsight',
        pid: server.pid,
        origin: server.origin,
        publicKey: server.publicKey,
        databaseUrl: databases.serverUrl,
        loadGeneratorPid: load.pid,
      },
      {
        name: 'floor',
        pid: floorService.pid,
        origin: floorService.origin,
        publicKey: 'pk_floor',
        databaseUrl: databases.floorUrl,
        loadGeneratorPid: load.pid,
      },
    ],
    load,
    settings,
    log,
  )) as [TargetResult, TargetResult];
  await server.stop();
  await floorService.stop();

  const extraProblems = [
    await missingRows('hindsight', databases.serverUrl, hindsight),
    await missingRows('floor', databases.floorUrl, floor),
  ].filter((problem): problem is string => problem !== undefined);
  const report = buildReport({
    startedAt,
    database: databases.description,
    backgroundLoad,
    settings,
    visits,
    hindsight,
    floor,
    extraProblems,
  });
  process.stdout.write(`\n${formatReport(report)}\n\n`);
  log(`results written to ${await writeResults(report)}`);
  return report.problems.length > 0 ? 1 : 0;
}

/** Every batch answered 2xx must be a row (in-flight ones at the end of a run may add a few more). */
async function missingRows(name: string, databaseUrl: string, result: TargetResult): Promise<string | undefined> {
  const answered = result.warmup.ok + result.peak.load.ok + result.half.load.ok;
  const stored = await countChunks(databaseUrl);
  return stored < answered ? `${name}: ${answered} batches answered 2xx but only ${stored} chunks stored` : undefined;
}

main()
  .then(async (code) => {
    clearTimeout(deadline);
    await cleanUp();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    clearTimeout(deadline);
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await cleanUp();
    process.exit(1);
  });
