import { CSRF_HEADER, type Permission, SESSION_COOKIE } from '@hindsight/shared';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../../app-env';
import { can, canSeeApplication, type Principal } from '../../auth/permissions';
import { hashSecretToken } from '../../auth/secret-token';
import { HttpError } from '../../http/http-error';
import { useApiToken } from '../../repos/api-tokens-repo';
import { findLiveAuthSession, touchAuthSession } from '../../repos/auth-sessions-repo';
import { slidingExpiry } from './sign-in';

/** Don't write `last_seen_at` on every request: once a minute is plenty for the sessions list. */
const TOUCH_INTERVAL_MS = 60_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves who is asking (sign-in cookie or `Authorization: Bearer` API token) into `c.var.principal`. A
 * cookie-authenticated request that changes something must also carry the session's CSRF token: another site
 * can make the browser send the cookie, but cannot read the token.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // A change requested by another site's page (a form posting to /api/auth/login, say) is refused before
    // anything else: browsers always send Origin on such requests; scripts send none.
    const origin = c.req.header('origin');
    if (origin && !SAFE_METHODS.has(c.req.method) && !isSameOrigin(origin, c.req.url, c.req.header('host'))) {
      throw new HttpError(403, 'csrf_invalid', 'Cross-site requests may not change anything.');
    }
    const principal = await resolvePrincipal(c);
    if (principal?.via === 'cookie' && !SAFE_METHODS.has(c.req.method)) {
      if (c.req.header(CSRF_HEADER) !== principal.csrfToken) {
        throw new HttpError(403, 'csrf_invalid', `Missing or wrong ${CSRF_HEADER} header; reload the page.`);
      }
    }
    if (principal) c.set('principal', principal);
    await next();
  };
}

function isSameOrigin(origin: string, requestUrl: string, host: string | undefined): boolean {
  if (!URL.canParse(origin)) return false;
  const expectedHost = host ?? new URL(requestUrl).host;
  return new URL(origin).host === expectedHost;
}

async function resolvePrincipal(c: Context<AppEnv>): Promise<Principal | undefined> {
  const { db, clock, config } = c.var.deps;
  const now = clock();
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (bearer) {
    const found = await useApiToken(db, hashSecretToken(bearer), now);
    // A wrong token is an error, not an anonymous request: scripts should hear about it.
    if (!found) throw new HttpError(401, 'unauthorized', 'The API token is unknown or revoked.');
    const { user, token } = found;
    return { ...userFields(user), via: 'token', credentialId: token.id };
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  if (!cookie) return undefined;
  const found = await findLiveAuthSession(db, hashSecretToken(cookie), now);
  if (!found) return undefined;
  const { session, user } = found;
  if (now.getTime() - session.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
    await touchAuthSession(db, session.id, now, slidingExpiry(session.created_at, now, config.auth));
  }
  return { ...userFields(user), via: 'cookie', credentialId: session.id, csrfToken: session.csrf_token };
}

function userFields(user: { id: string; email: string; name: string; role: Principal['role']; app_ids: string[] }) {
  return { userId: user.id, email: user.email, name: user.name, role: user.role, appIds: user.app_ids };
}

/** The signed-in principal, or 401. */
export function signedIn(c: Context<AppEnv>): Principal {
  const principal = c.var.principal;
  if (!principal) throw new HttpError(401, 'unauthorized', 'Sign in first.');
  return principal;
}

/** The principal if it holds `permission`; 401 when nobody is signed in, 403 otherwise. */
export function requirePermission(c: Context<AppEnv>, permission: Permission): Principal {
  const principal = signedIn(c);
  if (!can(principal, permission)) {
    throw new HttpError(403, 'forbidden', `This needs the ${permission} permission.`);
  }
  return principal;
}

/** 404 (not 403) for an application the principal may not see: its existence is not theirs to learn. */
export function requireApplicationAccess(principal: Principal, applicationId: string): void {
  if (!canSeeApplication(principal, applicationId)) throw notFound('application');
}

export function notFound(what: string): HttpError {
  return new HttpError(404, 'not_found', `No such ${what}.`);
}
