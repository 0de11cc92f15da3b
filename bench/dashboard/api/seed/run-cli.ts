import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The built server (`pnpm build`): what the benchmark measures. */
export const BUILT_CLI = fileURLToPath(new URL('../../../../packages/server/dist/cli.js', import.meta.url));

/** Node arguments that run `cli` (a `.ts` source runs through tsx: for trying the harness before a build). */
export function cliNodeArgs(cli: string): string[] {
  return cli.endsWith('.ts') ? ['--import', 'tsx', cli] : [cli];
}

/** Runs `node <cli> <args>` against `databaseUrl`. */
export async function runCli(cli: string, args: string[], databaseUrl: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [...cliNodeArgs(cli), ...args], {
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', HINDSIGHT_DEMO: 'false' },
  });
  return stdout;
}
