import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import type { AppDeps } from './app-env';
import { startSweepers } from './sweepers/start-sweepers';

/** How long shutdown waits for in-flight requests before closing their connections. */
export const SHUTDOWN_GRACE_MS = 10_000;

export interface RunningServer {
  port: number;
  /**
   * Stops accepting, finishes in-flight requests, stops the sweepers. The database pool stays open (caller's).
   * Resolves `forced` when some connection was still busy after SHUTDOWN_GRACE_MS and was cut.
   */
  close(): Promise<{ forced: boolean }>;
}

/** Listens on the configured host and port and starts the sweepers. */
export async function runServer(deps: AppDeps, options: { sweepers?: boolean } = {}): Promise<RunningServer> {
  const app = createApp(deps);
  const server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch: app.fetch, port: deps.config.port, hostname: deps.config.host }, () =>
      resolve(started as Server),
    ) as Server;
  });
  // Keep-alive from browsers and load balancers: do not hold idle sockets longer than they do.
  server.keepAliveTimeout = 65_000;
  server.requestTimeout = 30_000;
  const sweepers = options.sweepers === false ? undefined : startSweepers(deps);
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : deps.config.port;

  return {
    port,
    async close() {
      let forced = false;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A keep-alive connection whose last request finishes after close() would otherwise stay open (idle) until
      // the grace runs out: close each as soon as it is idle.
      const idle = setInterval(() => server.closeIdleConnections(), 50);
      server.closeIdleConnections();
      const force = setTimeout(() => {
        forced = true;
        server.closeAllConnections();
      }, SHUTDOWN_GRACE_MS).unref();
      await closed;
      clearInterval(idle);
      clearTimeout(force);
      await sweepers?.stop();
      return { forced };
    },
  };
}
