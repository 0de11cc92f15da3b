import { fileURLToPath } from 'node:url';
import { type Service, spawnService } from './spawn-service';

const FLOOR_SERVER = fileURLToPath(new URL('../floor-server.ts', import.meta.url));

/** The floor harness process (bench/ingest/floor-server.ts). */
export interface FloorService extends Service {
  origin: string;
}

/** Starts the floor harness on `port`, storing into the database at `databaseUrl`. `nodeArgs` go before the script. */
export async function startFloor(options: {
  port: number;
  databaseUrl: string;
  nodeArgs?: string[];
}): Promise<FloorService> {
  const service = await spawnService({
    name: 'floor server',
    // tsx resolved here, so the floor starts whatever the working directory.
    args: [...(options.nodeArgs ?? []), '--import', import.meta.resolve('tsx'), FLOOR_SERVER],
    env: { PATH: process.env.PATH, PORT: String(options.port), DATABASE_URL: options.databaseUrl },
    readyPattern: /listening (\d+)/,
  });
  return { ...service, origin: `http://127.0.0.1:${options.port}` };
}
