import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { clientAddress } from '../http/client-address';
import { HttpError } from '../http/http-error';
import type { ApplicationCache } from '../ingest/application-cache';
import type { RateLimiter } from '../ingest/rate-limiter';
import type { IngestApplication } from '../repos/applications-repo';

export interface IngestGuards {
  applications: ApplicationCache;
  perKey: RateLimiter;
  perAddress: RateLimiter;
}

/**
 * Decides who is asking, cheapest check first: the client address's rate, the public key (401), the page's
 * origin against the application's allowed origins (403), then the key's rate (429). Nothing here reads the body.
 */
export async function authorizeIngest(c: Context<AppEnv>, guards: IngestGuards): Promise<IngestApplication> {
  const address = clientAddress(c, c.var.deps.config.trustProxy);
  enforce(guards.perAddress.take(address), 'this address');

  const key = c.req.query('key');
  const application = key ? await guards.applications.get(key) : undefined;
  if (!application) {
    throw new HttpError(401, 'unknown_app', key ? 'Unknown public key.' : 'The `key` query parameter is missing.');
  }

  const allowed = application.allowed_origins;
  if (allowed.length > 0) {
    const origin = c.req.header('origin');
    if (!origin || !allowed.includes(origin)) {
      throw new HttpError(
        403,
        'origin_not_allowed',
        `Origin ${origin ?? '(none)'} is not allowed for this application.`,
      );
    }
  }

  enforce(guards.perKey.take(key as string), 'this application');
  return application;
}

function enforce(decision: ReturnType<RateLimiter['take']>, who: string): void {
  if (decision.allowed) return;
  throw new HttpError(429, 'rate_limited', `Too many requests from ${who}; retry later.`, {
    'Retry-After': String(decision.retryAfterSeconds),
  });
}
