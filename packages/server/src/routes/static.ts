import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { HttpError } from '../http/http-error';
import type { DashboardAssets } from '../static/dashboard-assets';
import { respondWithFile, type StaticFile } from '../static/static-file';

export interface StaticSites {
  widget?: Map<string, StaticFile>;
  demo?: Map<string, StaticFile>;
  dashboard?: DashboardAssets;
}

/** Widget files may be loaded (module scripts: CORS mode) and embedded by any site. */
const CROSS_ORIGIN = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };
/** widget.js keeps a short cache so a deploy reaches visitors soon; the hashed files never change. */
const LOADER_CACHE = 'public, max-age=300';
const HASHED_CACHE = 'public, max-age=31536000, immutable';

/** `/widget.js`, `/widget/<name>.<hash>.js` and the demo site under `/demo/`. */
export function createStaticRoutes(sites: StaticSites) {
  const routes = new Hono<AppEnv>();
  const notFound = () => new HttpError(404, 'not_found', 'No such file.');

  routes.get('/widget.js', (c) => {
    const file = sites.widget?.get('/widget.js');
    if (!file) throw new HttpError(404, 'not_found', 'The widget has not been built (run pnpm build).');
    return respondWithFile(c.req.raw, file, { ...CROSS_ORIGIN, 'Cache-Control': LOADER_CACHE });
  });
  routes.get('/widget/:file', (c) => {
    const file = sites.widget?.get(`/widget/${c.req.param('file')}`);
    if (!file) throw notFound();
    return respondWithFile(c.req.raw, file, { ...CROSS_ORIGIN, 'Cache-Control': HASHED_CACHE });
  });

  routes.get('/demo', (c) => c.redirect('/demo/', 301));
  routes.get('/demo/:file{.*}', (c) => {
    const file = sites.demo?.get(c.req.param('file') || 'index.html');
    if (!file) throw notFound();
    return respondWithFile(c.req.raw, file, { 'Cache-Control': 'no-cache' });
  });
  return routes;
}
