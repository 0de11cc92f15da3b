import { type ChildProcess, spawn } from 'node:child_process';

/** A child process serving HTTP for the benchmark. */
export interface Service {
  pid: number;
  /** The match of `readyPattern` in its stdout. */
  ready: RegExpExecArray;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const OUTPUT_TAIL_CHARS = 4_000;

export interface SpawnOptions {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Printed on stdout once the service listens. */
  readyPattern: RegExp;
  startTimeoutMs?: number;
}

/** Starts `node <args>` and resolves once its stdout matches `readyPattern`; rejects with its output if it exits first. */
export function spawnService(options: SpawnOptions): Promise<Service> {
  const child = spawn(process.execPath, options.args, { env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  // Never leave a server behind, whatever way the benchmark ends.
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  return new Promise<Service>((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.off('exit', onEarlyExit);
      child.kill('SIGKILL');
      reject(new Error(`${options.name} ${reason}. Its output:\n${output}`));
    };
    const onEarlyExit = (code: number | null, signal: string | null) =>
      fail(`exited during start (code ${code}, signal ${signal})`);
    const timer = setTimeout(() => fail('did not start in time'), options.startTimeoutMs ?? 60_000);
    child.once('exit', onEarlyExit);
    const onData = () => {
      const ready = options.readyPattern.exec(output);
      if (!ready || child.pid === undefined) return;
      clearTimeout(timer);
      child.off('exit', onEarlyExit);
      child.stdout?.off('data', onData);
      resolve({ pid: child.pid, ready, stop: (graceMs) => stopChild(child, exited, killOnExit, graceMs) });
    };
    child.stdout?.on('data', onData);
  });
}

async function stopChild(
  child: ChildProcess,
  exited: Promise<void>,
  killOnExit: () => void,
  graceMs = 15_000,
): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
  process.off('exit', killOnExit);
}
