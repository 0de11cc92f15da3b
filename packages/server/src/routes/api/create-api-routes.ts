import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { createRateLimiter } from '../../ingest/rate-limiter';
import { createActivityRoutes } from './activity-routes';
import { createAppRoutes } from './app-routes';
import { createAuditRoutes } from './audit-routes';
import { createAuthRoutes } from './auth-routes';
import { authenticate } from './authenticate';
import { createConversationRoutes } from './conversation-routes';
import { createReplayRoutes } from './replay-routes';
import { createResponderRoutes } from './responder-routes';
import { createSessionListRoutes } from './session-list-routes';
import { createTeamRoutes } from './team-routes';
import { createTokenRoutes } from './token-routes';

/** Sign-in attempts: 10 per minute per address (burst 20) and 5 per minute per email (burst 10). */
const SIGN_IN_LIMITS = {
  perAddress: { perSecond: 10 / 60, burst: 20 },
  perEmail: { perSecond: 5 / 60, burst: 10 },
};

/** The dashboard API under /api: who is asking is resolved once, each route checks the permission it needs. */
export function createApiRoutes() {
  const routes = new Hono<AppEnv>();
  routes.use('/api/*', async (c, next) => {
    await next();
    // Answers are per user: never cached by a browser or a proxy, never sniffed into something else.
    c.header('Cache-Control', c.res.headers.get('Cache-Control') ?? 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
  });
  routes.use('/api/*', authenticate());
  routes.route(
    '/',
    createAuthRoutes({
      perAddress: createRateLimiter(SIGN_IN_LIMITS.perAddress),
      perEmail: createRateLimiter(SIGN_IN_LIMITS.perEmail),
    }),
  );
  for (const group of [
    createTokenRoutes(),
    createTeamRoutes(),
    createAppRoutes(),
    createSessionListRoutes(),
    createActivityRoutes(),
    createReplayRoutes(),
    createAuditRoutes(),
    createConversationRoutes(),
    createResponderRoutes(),
  ]) {
    routes.route('/', group);
  }
  return routes;
}
