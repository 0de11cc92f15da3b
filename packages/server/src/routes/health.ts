import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppEnv } from '../app-env';
import { hasPendingMigrations } from '../db/migrate';
import { UNAVAILABLE_RETRY_AFTER_S } from '../http/error-handler';
import { HttpError } from '../http/http-error';

/** `/healthz`: the process is alive. `/readyz`: the database answers and every migration is applied. */
export function createHealthRoutes() {
  const routes = new Hono<AppEnv>();
  routes.get('/healthz', (c) => c.json({ status: 'ok' }));
  routes.get('/readyz', async (c) => {
    const { db } = c.var.deps;
    const notReady = (message: string) =>
      new HttpError(503, 'unavailable', message, { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_S) });
    try {
      await sql`select 1`.execute(db);
    } catch {
      throw notReady('The database is not reachable.');
    }
    if (await hasPendingMigrations(db)) throw notReady('Database migrations are pending.');
    return c.json({ status: 'ready' });
  });
  return routes;
}
