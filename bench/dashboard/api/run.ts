/**
 * `node --import tsx bench/dashboard/api/run.ts [--sizes 10k,100k,1m]`: p50/p95 latency of the dashboard's reads
 * (sessions list with counts, activity feed, activity chart; first page and the page after it) over real HTTP
 * against the built server on a database seeded with 10k, 100k and 1M sessions in one application, beside two
 * baselines measured in the same rounds: GET /healthz (framework + HTTP floor) and each read's bare SQL through
 * pg. Prints figures; exits non-zero only when something failed. See README.md beside this file.
 */
import os from 'node:os';
import pg from 'pg';
import { findFreePort } from '../../../packages/server/src/db/embedded-postgres';
import { measureBackgroundLoad } from '../../ingest/measure/background-load';
import { BENCH_CASES } from './bench-cases';
import { createBenchDatabase, serverVersion } from './bench-database';
import { type BenchOptions, parseBenchOptions, SIZES, type SizeName, USAGE } from './bench-options';
import { createHttpClient } from './measure/http-client';
import { explainCase, measureCases } from './measure/measure-cases';
import { type DashboardApiReport, formatReport, type SizeResult } from './report/print-report';
import { writeResults } from './report/write-results';
import { seedDatabase } from './seed/seed-database';
import { ADMIN, startServer } from './services/start-server';

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const cleanups: Array<() => Promise<unknown> | unknown> = [];
async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await Promise.resolve()
      .then(cleanup)
      .catch((error: unknown) => log(`clean-up failed: ${error instanceof Error ? error.message : String(error)}`));
  }
}
const abort = (reason: string) => {
  log(reason);
  setTimeout(() => process.exit(1), 30_000).unref();
  cleanUp().finally(() => process.exit(1));
};
process.once('SIGINT', () => abort('interrupted'));
process.once('SIGTERM', () => abort('terminated'));

async function runSize(options: BenchOptions, size: SizeName): Promise<SizeResult> {
  const sessions = SIZES[size];
  const database = await createBenchDatabase(options.adminUrl, size);
  if (!options.keep) cleanups.push(() => database.drop());
  log(`${size}: seeding ${sessions.toLocaleString('en-US')} sessions into ${database.name}`);
  const seeded = await seedDatabase({
    cli: options.cli,
    databaseUrl: database.url,
    sessions,
    heapOrder: options.heapOrder,
    log,
  });
  const local: Array<() => Promise<unknown> | unknown> = [];
  const stopLocal = async () => {
    for (const stop of local.splice(0).reverse())
      await Promise.resolve()
        .then(stop)
        .catch(() => {});
  };
  cleanups.push(stopLocal);
  try {
    const server = await startServer({ cli: options.cli, port: await findFreePort(), databaseUrl: database.url });
    local.push(() => server.stop());
    const http = createHttpClient(server.origin);
    local.push(() => http.close());
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    local.push(() => db.end());
    await http.signIn(ADMIN.email, ADMIN.password);
    const backgroundLoad = await measureBackgroundLoad();
    log(`${size}: machine ${Math.round(backgroundLoad * 100)}% busy before the run; ${options.rounds} rounds`);
    const measured = await measureCases({
      http,
      db,
      appId: seeded.appId,
      cases: BENCH_CASES,
      rounds: options.rounds,
      warmupRounds: options.warmupRounds,
    });
    const plans: Record<string, string> = {};
    for (const result of measured.cases) {
      const benchCase = BENCH_CASES.find((c) => c.name === result.name && c.page === result.page);
      if (benchCase)
        plans[`${result.name} page ${result.page}`] = await explainCase(db, seeded.appId, benchCase, result.after);
    }
    return { size, database: database.name, seeded, backgroundLoad, measured, plans };
  } finally {
    // This size's server and connections stop now; the database (unless --keep) goes at the very end.
    await stopLocal();
  }
}

async function main(): Promise<number> {
  const options = parseBenchOptions(process.argv.slice(2), process.env);
  const startedAt = new Date().toISOString();
  const sizes: SizeResult[] = [];
  for (const size of options.sizes) sizes.push(await runSize(options, size));
  const problems = sizes.flatMap((s) => [
    ...s.seeded.counterProblems.map((p) => `${s.size}: counters: ${p}`),
    ...s.measured.cases.flatMap((c) => c.problems.map((p) => `${s.size} ${c.name} page ${c.page}: ${p}`)),
  ]);
  const report: DashboardApiReport = {
    startedAt,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '?', node: process.version },
    postgres: await serverVersion(options.adminUrl),
    rounds: options.rounds,
    warmupRounds: options.warmupRounds,
    heapOrder: options.heapOrder,
    sizes,
    problems,
  };
  process.stdout.write(`\n${formatReport(report)}\n\n`);
  if (options.keep) log(`databases kept: ${sizes.map((s) => s.database).join(', ')}`);
  log(`results written to ${(await writeResults(report)).join(' and ')}`);
  return problems.length > 0 ? 1 : 0;
}

main()
  .then(async (code) => {
    await cleanUp();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (error instanceof Error && error.message.startsWith('Invalid options')) process.stderr.write(`${USAGE}\n`);
    await cleanUp();
    process.exit(1);
  });
