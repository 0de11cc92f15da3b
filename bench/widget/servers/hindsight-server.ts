import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './listen';

const CLI = fileURLToPath(new URL('../../../packages/server/dist/cli.js', import.meta.url));
const START_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 15_000;
const UNLIMITED = '1000000';

export interface HindsightServer {
  origin: string;
  publicKey: string;
  stop(): Promise<void>;
}

/**
 * Starts the real server (`node packages/server/dist/cli.js start`, built by `pnpm build`) on a free port with
 * a fresh embedded PostgreSQL in a temporary data directory, rate limits out of the way. It runs at a lower CPU
 * priority (nice 10) so that its ingest work competes as little as possible with the browser being measured.
 */
export async function startHindsightServer(): Promise<HindsightServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'hindsight-widget-bench-'));
  // As root, the embedded PostgreSQL runs as the `postgres` user, which must be able to enter its directory.
  await chmod(dataDir, 0o755);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn('nice', ['-n', '10', process.execPath, CLI, 'start'], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: origin,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      HINDSIGHT_WORKERS: '1',
      HINDSIGHT_DEMO: 'false',
      RATE_LIMIT_KEY_PER_SECOND: UNLIMITED,
      RATE_LIMIT_KEY_BURST: UNLIMITED,
      RATE_LIMIT_ADDRESS_PER_SECOND: UNLIMITED,
      RATE_LIMIT_ADDRESS_BURST: UNLIMITED,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // SIGTERM lets the server stop its embedded PostgreSQL; never leave either behind.
  const stopOnExit = () => child.kill('SIGTERM');
  process.on('exit', stopOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
    process.off('exit', stopOnExit);
    await rm(dataDir, { recursive: true, force: true });
  };

  let output = '';
  const publicKey = await new Promise<string>((resolve, reject) => {
    const fail = (reason: string) =>
      reject(new Error(`Hindsight server ${reason}. Its output:\n${output.slice(-4_000)}`));
    const timer = setTimeout(() => fail('did not start in time'), START_TIMEOUT_MS);
    const onExit = (code: number | null) => fail(`exited during start (code ${code})`);
    child.once('exit', onExit);
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const key = /public key (pk_[A-Za-z0-9_-]+)/.exec(output)?.[1];
      if (!key) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve(key);
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  child.stdout.removeAllListeners('data').resume();
  child.stderr.removeAllListeners('data').resume();
  return { origin, publicKey, stop };
}
