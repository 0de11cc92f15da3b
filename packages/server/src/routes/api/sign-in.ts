import { type MeResponse, ROLE_PERMISSIONS, SESSION_COOKIE } from '@hindsight/shared';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../app-env';
import { generateSecretToken, hashSecretToken } from '../../auth/secret-token';
import type { AuthConfig } from '../../config';
import { clientAddress } from '../../http/client-address';
import { createAuthSession } from '../../repos/auth-sessions-repo';
import { recordSignIn, type UserWithApps } from '../../repos/users-repo';
import { toUserSummary } from './to-api';

/** A sign-in's new expiry: idle timeout from now, capped at the absolute maximum from its creation. */
export function slidingExpiry(createdAt: Date, now: Date, auth: AuthConfig): Date {
  return new Date(Math.min(now.getTime() + auth.sessionIdleMs, createdAt.getTime() + auth.sessionMaxMs));
}

/** Starts a sign-in session for `user`: stores it, sets the HttpOnly cookie, answers what the SPA needs. */
export async function startSignIn(c: Context<AppEnv>, user: UserWithApps): Promise<MeResponse> {
  const { db, clock, config } = c.var.deps;
  const now = clock();
  const token = generateSecretToken();
  const csrfToken = generateSecretToken();
  const expiresAt = slidingExpiry(now, now, config.auth);
  await createAuthSession(db, {
    tokenHash: hashSecretToken(token),
    userId: user.id,
    csrfToken,
    now,
    expiresAt,
    address: clientAddress(c, config.trustProxy),
    userAgent: c.req.header('user-agent')?.slice(0, 512) ?? null,
  });
  await recordSignIn(db, user.id, now);
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.auth.secureCookies,
    path: '/',
    // The browser forgets it at the absolute limit; the server enforces the sliding one.
    maxAge: Math.floor(config.auth.sessionMaxMs / 1_000),
  });
  return meResponse({ ...user, last_sign_in_at: now }, csrfToken);
}

export function endSignIn(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

export function meResponse(user: UserWithApps, csrfToken: string): MeResponse {
  return { user: toUserSummary(user), permissions: [...ROLE_PERMISSIONS[user.role]], csrfToken };
}
