import { type ChildProcess, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../../../server/dist/cli.js', import.meta.url));
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;
const START_ATTEMPTS = 5;
/** Below Linux's ephemeral range, so no outgoing connection takes the port between our check and the listen. */
const PORT_RANGE = [20_000, 32_000] as const;

/** The owner account the server creates on its empty database (HINDSIGHT_ADMIN_EMAIL / _PASSWORD). */
export const OWNER = { email: 'owner@hindsight.test', password: 'correct horse battery' } as const;

export interface HindsightServer {
  origin: string;
  /** The default application's public key, as `hindsight start` prints it. */
  appKey: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Runs the built server exactly as a site owner does (`node dist/cli.js start`) on a loopback port. With
 * `owner: false` no admin account is configured, so the server prints a one-time setup link instead.
 */
export async function startHindsightServer(
  databaseUrl: string,
  options: { owner?: boolean } = {},
): Promise<HindsightServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnPort(databaseUrl, await pickPort(), options.owner !== false);
    } catch (error) {
      if (!/EADDRINUSE/.test(String(error)) || attempt === START_ATTEMPTS) throw error;
    }
  }
}

async function startOnPort(databaseUrl: string, port: number, withOwner: boolean): Promise<HindsightServer> {
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [CLI, 'start'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: origin,
      DATABASE_URL: databaseUrl,
      HINDSIGHT_DEMO: 'false',
      ...(withOwner ? { HINDSIGHT_ADMIN_EMAIL: OWNER.email, HINDSIGHT_ADMIN_PASSWORD: OWNER.password } : {}),
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
  // Say plainly when the server found no built dashboard (a build running at the same moment removes dist/).
  const index = await fetch(`${origin}/`).catch(() => undefined);
  if (index?.status !== 200) {
    await stop();
    throw new Error(`the server has no dashboard (GET /: ${index?.status ?? 'failed'}); run pnpm build`);
  }
  return { origin, appKey, output: () => output, stop };
}

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
