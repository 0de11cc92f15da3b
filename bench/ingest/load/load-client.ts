import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadGeneratorMessage } from './load-generator';
import type { LoadPlan, LoadStats } from './load-plan';

const GENERATOR = fileURLToPath(new URL('./load-generator.ts', import.meta.url));

/** The parent's handle on the load generator process. */
export interface LoadClient {
  pid: number;
  run(plan: LoadPlan): Promise<{ stats: LoadStats; sessions: number }>;
  close(): void;
}

/** Forks the load generator (bench/ingest/load/load-generator.ts) and waits until it has loaded the fixtures. */
export async function startLoadClient(): Promise<LoadClient> {
  const child = fork(GENERATOR, { execArgv: ['--import', import.meta.resolve('tsx')], stdio: 'inherit' });
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  const nextMessage = () =>
    new Promise<LoadGeneratorMessage>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`load generator exited (code ${code})`));
      child.once('exit', onExit);
      child.once('message', (message: LoadGeneratorMessage) => {
        child.off('exit', onExit);
        resolve(message);
      });
    });
  const ready = await nextMessage();
  if (ready.kind !== 'ready' || child.pid === undefined) throw new Error('load generator did not start');
  return {
    pid: child.pid,
    async run(plan) {
      const answer = nextMessage();
      child.send(plan);
      const message = await answer;
      if (message.kind === 'failed') throw new Error(`load generator: ${message.message}`);
      if (message.kind !== 'done') throw new Error(`load generator answered ${message.kind}`);
      return { stats: message.stats, sessions: message.sessions };
    },
    close() {
      process.off('exit', killOnExit);
      if (child.connected) child.disconnect();
    },
  };
}
