import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { AppDeps, AppEnv } from './app-env';
import { toErrorResponse } from './http/error-handler';
import { HttpError } from './http/http-error';
import { createApplicationCache } from './ingest/application-cache';
import { createRateLimiter } from './ingest/rate-limiter';
import { findApplicationByPublicKey } from './repos/applications-repo';
import { createApiRoutes } from './routes/api/create-api-routes';
import { createChatRoutes } from './routes/chat';
import { createDashboardRoutes } from './routes/dashboard';
import { createHealthRoutes } from './routes/health';
import { createIngestRoutes } from './routes/ingest';
import { createMetricsRoutes } from './routes/metrics';
import { createStaticRoutes } from './routes/static';

/** How long an application's key lookup is reused before the database is asked again. */
const APPLICATION_CACHE_TTL_MS = 10_000;

/** Builds the whole HTTP app. Pure wiring: no listening socket, so tests drive it through `app.request()`. */
export function createApp(deps: AppDeps) {
  const { config } = deps;
  // Each process enforces its share of the configured rates (see rate-limiter.ts).
  const share = (rate: number) => Math.max(1, rate / config.workers);
  const guards = {
    applications: createApplicationCache({
      load: (key) => findApplicationByPublicKey(deps.db, key),
      ttlMs: APPLICATION_CACHE_TTL_MS,
    }),
    perKey: createRateLimiter({
      perSecond: share(config.rateLimit.perKeyPerSecond),
      burst: share(config.rateLimit.perKeyBurst),
    }),
    perAddress: createRateLimiter({
      perSecond: share(config.rateLimit.perAddressPerSecond),
      burst: share(config.rateLimit.perAddressBurst),
    }),
  };

  const perMinute = (rate: number) => share(rate) / 60;
  const chatGuards = {
    applications: guards.applications,
    perKey: guards.perKey,
    perAddress: createRateLimiter({
      perSecond: perMinute(config.chat.perAddressPerMinute),
      burst: share(config.chat.perAddressBurst),
    }),
    perSession: createRateLimiter({
      perSecond: perMinute(config.chat.perSessionPerMinute),
      burst: share(config.chat.perSessionBurst),
    }),
  };

  const app = new Hono<AppEnv>();
  app.use(requestId());
  app.use(async (c, next) => {
    c.set('deps', deps);
    const started = performance.now();
    await next();
    // One line per request at debug level; the path only (the query holds the public key and session id).
    deps.logger.debug('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });
  app.route('/', createHealthRoutes());
  app.route('/', createMetricsRoutes());
  app.route('/', createIngestRoutes(guards));
  app.route('/', createChatRoutes(chatGuards));
  app.route('/', createStaticRoutes(deps.sites ?? {}));
  app.route('/', createApiRoutes());
  app.route('/', createDashboardRoutes(deps.sites?.dashboard));
  app.notFound((c) => toErrorResponse(new HttpError(404, 'not_found', 'No such route.'), c, deps.logger));
  app.onError((error, c) => toErrorResponse(error, c, deps.logger));
  return app;
}

export type App = ReturnType<typeof createApp>;
