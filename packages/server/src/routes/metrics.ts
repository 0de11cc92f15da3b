import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { HttpError } from '../http/http-error';
import { renderMetrics } from '../observability/metrics';
import { countActiveSessions } from '../repos/sessions-repo';

/** `GET /metrics` in the Prometheus text format; behind a bearer token when METRICS_TOKEN is set. */
export function createMetricsRoutes() {
  const routes = new Hono<AppEnv>();
  routes.get('/metrics', async (c) => {
    const { db, config, metrics, collectMetrics } = c.var.deps;
    if (config.metricsToken && c.req.header('authorization') !== `Bearer ${config.metricsToken}`) {
      throw new HttpError(401, 'unauthorized', 'A valid metrics token is required.');
    }
    const snapshots = collectMetrics ? await collectMetrics() : [metrics.snapshot()];
    const activeSessions = await countActiveSessions(db);
    c.header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8');
    return c.body(renderMetrics(snapshots, { hindsight_active_sessions: activeSessions }));
  });
  return routes;
}
