import { type Service, spawnService } from '../../../ingest/services/spawn-service';
import { cliNodeArgs } from '../seed/run-cli';

/** The owner the server creates at start (HINDSIGHT_ADMIN_EMAIL / _PASSWORD); the benchmark signs in as them. */
export const ADMIN = { email: 'bench-owner@example.com', password: 'bench-password-0123456789' } as const;

export interface DashboardServer extends Service {
  origin: string;
}

/**
 * `node packages/server/dist/cli.js start`, one process, as a self-hosting team runs it. The idle timeout is
 * raised so the lifecycle sweeper does not complete the seeded active sessions while the benchmark reads them
 * (they were last active up to two minutes before seeding ended); everything else is the default.
 */
export async function startServer(options: {
  cli: string;
  port: number;
  databaseUrl: string;
}): Promise<DashboardServer> {
  const origin = `http://127.0.0.1:${options.port}`;
  const service = await spawnService({
    name: 'hindsight server',
    args: [...cliNodeArgs(options.cli), 'start'],
    env: {
      PATH: process.env.PATH,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      PUBLIC_URL: origin,
      DATABASE_URL: options.databaseUrl,
      HINDSIGHT_DEMO: 'false',
      LOG_LEVEL: 'warn',
      HINDSIGHT_WORKERS: '1',
      HINDSIGHT_ADMIN_EMAIL: ADMIN.email,
      HINDSIGHT_ADMIN_PASSWORD: ADMIN.password,
      SESSION_IDLE_MINUTES: '240',
    },
    readyPattern: /Hindsight is running at/,
  });
  return { ...service, origin };
}
