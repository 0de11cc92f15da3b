import path from 'node:path';
import { parseArgs } from 'node:util';
import { BUILT_CLI } from './seed/run-cli';
import type { HeapOrder } from './seed/seed-statements';

/** Seeded sessions per size name, in the order they run. */
export const SIZES = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 } as const;
export type SizeName = keyof typeof SIZES;

export interface BenchOptions {
  sizes: SizeName[];
  /** Measured requests per case and size (each round sends every case once). */
  rounds: number;
  /** Unmeasured rounds first (caches, JIT, plan caches). */
  warmupRounds: number;
  /** Server to create the bench databases on; only `create database` / `drop database` run against it. */
  adminUrl: string;
  /** The server's CLI: packages/server/dist/cli.js unless --cli names another (a .ts source runs through tsx). */
  cli: string;
  /** Physical order of the seeded rows (see seed-statements.ts). */
  heapOrder: HeapOrder;
  /** Keep the databases afterwards (for EXPLAIN by hand); they are named in the output. */
  keep: boolean;
}

export const USAGE = `Usage: node --import tsx bench/dashboard/api/run.ts [options]

  --sizes 10k,100k,1m   seeded sessions per run (default: all three)
  --rounds N            measured requests per case and size (default 200)
  --warmup N            unmeasured rounds first (default 20)
  --admin-url URL       PostgreSQL server to create the bench databases on
                        (default $BENCH_ADMIN_URL or postgres://postgres@127.0.0.1:5432/postgres)
  --heap-order started|random
                        rows in the heap in start order (default: a young database) or scattered
  --keep                do not drop the databases at the end
  --cli PATH            the server CLI to run (default packages/server/dist/cli.js, built by pnpm build;
                        a .ts path runs the source through tsx, to try the harness before a build)`;

/** Reads the command line, naming every bad option at once. */
export function parseBenchOptions(args: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const { values } = parseArgs({
    args,
    options: {
      sizes: { type: 'string', default: Object.keys(SIZES).join(',') },
      rounds: { type: 'string', default: '200' },
      warmup: { type: 'string', default: '20' },
      'admin-url': { type: 'string', default: env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
      keep: { type: 'boolean', default: false },
      'heap-order': { type: 'string', default: 'started' },
      cli: { type: 'string', default: BUILT_CLI },
    },
  });
  const problems: string[] = [];
  const sizes = values.sizes
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  for (const size of sizes) if (!(size in SIZES)) problems.push(`--sizes: "${size}" is not one of 10k, 100k, 1m`);
  const whole = (name: string, raw: string, min: number, max: number) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max)
      problems.push(`--${name} must be a whole number from ${min} to ${max}`);
    return value;
  };
  const rounds = whole('rounds', values.rounds, 10, 100_000);
  const warmupRounds = whole('warmup', values.warmup, 0, 10_000);
  const heapOrder = values['heap-order'];
  if (heapOrder !== 'started' && heapOrder !== 'random') problems.push('--heap-order must be started or random');
  if (!URL.canParse(values['admin-url'])) problems.push('--admin-url is not a URL');
  if (problems.length > 0) throw new Error(`Invalid options:\n  - ${problems.join('\n  - ')}\n\n${USAGE}`);
  return {
    sizes: sizes as SizeName[],
    rounds,
    warmupRounds,
    adminUrl: values['admin-url'],
    keep: values.keep,
    heapOrder: heapOrder as HeapOrder,
    cli: path.resolve(values.cli),
  };
}
