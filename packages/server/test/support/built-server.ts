import { type ChildProcess, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;
const START_ATTEMPTS = 5;
/**
 * Ports below Linux's ephemeral range (32768-60999): no outgoing connection or port-0 listener takes one of
 * these, so a port stays ours while the server is stopped for an outage, and other tests cannot race us to it.
 */
const PORT_RANGE = [20_000, 32_000] as const;

export interface BuiltServer {
  port: number;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The default application's public key, as `hindsight start` prints it. */
  appKey: string;
  /** Everything the process printed. */
  output(): string;
  /** SIGTERM (a graceful shutdown, as an operator's restart does) and wait for the exit. */
  stop(): Promise<void>;
}

export interface BuiltServerOptions {
  databaseUrl: string;
  /** Start where a stopped server listened; omitted: a free port. */
  port?: number;
  /** The owner account created on an empty database (HINDSIGHT_ADMIN_*); omitted: the server prints a setup link. */
  owner?: { email: string; password: string };
  /**
   * A built file the test needs, fetched once the server listens: the server reads its built assets at start,
   * and a build running at the same moment removes dist/ for a few seconds. Better a plain error than a test
   * timing out on a missing page.
   */
  needs: { path: string; what: string };
}

/**
 * Runs the built server exactly as a site owner does (`node dist/cli.js start`), on a loopback port, against the
 * given database. The widget's and the dashboard's browser tests start theirs with it.
 */
export async function startBuiltServer(options: BuiltServerOptions): Promise<BuiltServer> {
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await pickPort());
    try {
      return await startOnPort(options, port);
    } catch (error) {
      // Another process may take a free port between our check and the server's listen: pick another.
      const lostRace = options.port === undefined && /EADDRINUSE/.test(String(error));
      if (!lostRace || attempt === START_ATTEMPTS) throw error;
    }
  }
}

async function startOnPort(options: BuiltServerOptions, port: number): Promise<BuiltServer> {
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [CLI, 'start'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: origin,
      DATABASE_URL: options.databaseUrl,
      HINDSIGHT_DEMO: 'false',
      ...(options.owner
        ? { HINDSIGHT_ADMIN_EMAIL: options.owner.email, HINDSIGHT_ADMIN_PASSWORD: options.owner.password }
        : {}),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = () => stopProcess(child, exited);
  const printed = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start; output:\n${output}`)), START_TIMEOUT_MS);
    const onData = (data: Buffer) => {
      output += data.toString();
      const key = output.match(/public key (pk_\w+)/)?.[1];
      if (key) {
        clearTimeout(timer);
        resolve(key);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited before it listened; output:\n${output}`));
    });
  });
  let appKey: string;
  try {
    appKey = await printed;
  } catch (error) {
    await stop();
    throw error;
  }
  const needed = await fetch(`${origin}${options.needs.path}`).catch(() => undefined);
  if (needed?.status !== 200) {
    await stop();
    throw new Error(
      `the server has no ${options.needs.what} (GET ${options.needs.path}: ${needed?.status ?? 'failed'}); run pnpm build`,
    );
  }
  return { port, origin, appKey, output: () => output, stop };
}

/** A random port in PORT_RANGE that is free now. */
async function pickPort(): Promise<number> {
  for (;;) {
    const port = randomInt(PORT_RANGE[0], PORT_RANGE[1]);
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

async function stopProcess(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
