import { fileURLToPath } from 'node:url';
import { type Service, spawnService } from './spawn-service';

const CLI = fileURLToPath(new URL('../../../packages/server/dist/cli.js', import.meta.url));
const UNLIMITED = '1000000';

/** The real server as `hindsight start` runs it (one process), plus the default application's public key. */
export interface HindsightService extends Service {
  origin: string;
  publicKey: string;
}

/**
 * Starts `node packages/server/dist/cli.js start` (built by `pnpm build`) on `port` against `databaseUrl`,
 * with rate limits out of the way. `nodeArgs` go before the script (e.g. --cpu-prof).
 */
export async function startHindsight(options: {
  port: number;
  databaseUrl: string;
  dataDir: string;
  nodeArgs?: string[];
}): Promise<HindsightService> {
  const origin = `http://127.0.0.1:${options.port}`;
  const service = await spawnService({
    name: 'hindsight server',
    args: [...(options.nodeArgs ?? []), CLI, 'start'],
    env: {
      PATH: process.env.PATH,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      PUBLIC_URL: origin,
      DATABASE_URL: options.databaseUrl,
      DATA_DIR: options.dataDir,
      LOG_LEVEL: 'warn',
      HINDSIGHT_WORKERS: '1',
      RATE_LIMIT_KEY_PER_SECOND: UNLIMITED,
      RATE_LIMIT_KEY_BURST: UNLIMITED,
      RATE_LIMIT_ADDRESS_PER_SECOND: UNLIMITED,
      RATE_LIMIT_ADDRESS_BURST: UNLIMITED,
    },
    readyPattern: /public key (pk_[A-Za-z0-9_-]+)/,
  });
  return { ...service, origin, publicKey: service.ready[1] as string };
}
