import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { HttpError } from '../http/http-error';
import type { DashboardAssets } from '../static/dashboard-assets';
import { respondWithFile } from '../static/static-file';

const HASHED_CACHE = 'public, max-age=31536000, immutable';

/**
 * The dashboard's own pages may run only its own scripts. Recorded pages replay inside rrweb's sandboxed iframe,
 * which inherits this policy: even a script that slipped past the sandbox would not run. Their styles, images
 * and fonts still load from wherever the recorded site had them.
 */
const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline' https: http:",
  'img-src * data: blob:',
  'font-src * data:',
  'media-src *',
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE_HEADERS = {
  'Content-Security-Policy': DASHBOARD_CSP,
  'Cache-Control': 'no-cache',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** Paths the single-page app does not own. */
const NOT_DASHBOARD = /^\/(api|ingest|widget|demo|healthz|readyz|metrics|assets)(\/|$)|^\/widget\.js$/;

/** `/assets/<hashed file>` and, for every other GET the server does not serve itself, the app's index.html. */
export function createDashboardRoutes(dashboard: DashboardAssets | undefined) {
  const routes = new Hono<AppEnv>();
  routes.get('/assets/:file', (c) => {
    const file = dashboard?.assets.get(c.req.param('file'));
    if (!file) throw new HttpError(404, 'not_found', 'No such file.');
    return respondWithFile(c.req.raw, file, { 'Cache-Control': HASHED_CACHE, 'X-Content-Type-Options': 'nosniff' });
  });
  routes.get('*', (c, next) => {
    if (NOT_DASHBOARD.test(c.req.path)) return next();
    if (!dashboard) throw new HttpError(404, 'not_found', 'The dashboard has not been built (run pnpm build).');
    return respondWithFile(c.req.raw, dashboard.index, PAGE_HEADERS);
  });
  return routes;
}
