import type { SetupStatusResponse } from '@hindsight/shared';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { EMAIL_PATTERN } from '../../auth/email';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../auth/password';
import { hashSecretToken } from '../../auth/secret-token';
import { clientAddress } from '../../http/client-address';
import { HttpError } from '../../http/http-error';
import type { RateLimiter } from '../../ingest/rate-limiter';
import { listLiveAuthSessions, revokeAuthSession } from '../../repos/auth-sessions-repo';
import { consumeInvite, findOpenInvite } from '../../repos/invites-repo';
import { countUsers, createUser, findUserByEmail, findUserById } from '../../repos/users-repo';
import { notFound, signedIn } from './authenticate';
import { readJsonObject, requiredString } from './read-input';
import { readNewPassword } from './read-new-password';
import { recordAudit } from './record-audit';
import { endSignIn, meResponse, startSignIn } from './sign-in';
import { toSignInSession } from './to-api';

export interface SignInLimits {
  perAddress: RateLimiter;
  perEmail: RateLimiter;
}

/** First-run setup, sign-in and sign-out, the current user, and their sign-in sessions. */
export function createAuthRoutes(limits: SignInLimits) {
  const routes = new Hono<AppEnv>();

  routes.get('/api/setup', async (c) => {
    const body: SetupStatusResponse = { needsSetup: (await countUsers(c.var.deps.db)) === 0 };
    return c.json(body);
  });

  routes.post('/api/setup', async (c) => {
    const { db, clock } = c.var.deps;
    const body = await readJsonObject(c);
    const token = requiredString(body, 'token', 100);
    const email = readEmail(body);
    const name = requiredString(body, 'name', 100);
    const passwordHash = await hashPassword(readNewPassword(body));
    const user = await db.transaction().execute(async (tx) => {
      const invite = await findOpenInvite(tx, { tokenHash: hashSecretToken(token), kind: 'setup', now: clock() });
      if (!invite || !(await consumeInvite(tx, invite.id, clock()))) throw invalidLink();
      if ((await countUsers(tx)) > 0) throw invalidLink();
      return createUser(tx, { email, name, role: 'owner', passwordHash, appIds: [] });
    });
    if (!user) throw invalidLink();
    const me = await startSignIn(c, user);
    await recordAudit(c, 'setup.owner_created', { actor: { userId: user.id, email: user.email } });
    return c.json(me, 201);
  });

  routes.post('/api/auth/login', async (c) => {
    const { db, config } = c.var.deps;
    const body = await readJsonObject(c);
    const email = requiredString(body, 'email', 320).toLowerCase();
    const password = typeof body.password === 'string' ? body.password : '';
    for (const [limiter, key] of [
      [limits.perAddress, clientAddress(c, config.trustProxy)],
      [limits.perEmail, email],
    ] as const) {
      const taken = limiter.take(key);
      if (!taken.allowed) {
        throw new HttpError(429, 'rate_limited', 'Too many sign-in attempts; wait and try again.', {
          'Retry-After': String(taken.retryAfterSeconds),
        });
      }
    }
    const user = await findUserByEmail(db, email);
    // Unknown emails cost a full hash too, so timing does not tell which accounts exist.
    const ok = await verifyPassword(password, user?.password_hash ?? (await dummyPasswordHash()));
    if (!user || !ok) {
      await recordAudit(c, 'auth.sign_in_failed', { actor: { userId: user?.id ?? null, email } });
      throw new HttpError(401, 'invalid_credentials', 'Wrong email or password.');
    }
    const me = await startSignIn(c, user);
    await recordAudit(c, 'auth.sign_in', { actor: { userId: user.id, email: user.email } });
    return c.json(me);
  });

  routes.post('/api/auth/logout', async (c) => {
    const principal = signedIn(c);
    const { db, clock } = c.var.deps;
    if (principal.via === 'cookie') {
      await revokeAuthSession(db, { id: principal.credentialId, userId: principal.userId, now: clock() });
      endSignIn(c);
    }
    await recordAudit(c, 'auth.sign_out');
    return c.body(null, 204);
  });

  routes.get('/api/auth/me', async (c) => {
    const principal = signedIn(c);
    const user = await findUserById(c.var.deps.db, principal.userId);
    if (!user) throw new HttpError(401, 'unauthorized', 'Sign in first.');
    return c.json(meResponse(user, principal.csrfToken ?? ''));
  });

  routes.get('/api/auth/sessions', async (c) => {
    const principal = signedIn(c);
    const { db, clock } = c.var.deps;
    const sessions = await listLiveAuthSessions(db, principal.userId, clock());
    return c.json({ sessions: sessions.map((s) => toSignInSession(s, principal.credentialId)) });
  });

  routes.delete('/api/auth/sessions/:id', async (c) => {
    const principal = signedIn(c);
    const { db, clock } = c.var.deps;
    const id = c.req.param('id');
    if (
      !/^[0-9a-f-]{36}$/i.test(id) ||
      !(await revokeAuthSession(db, { id, userId: principal.userId, now: clock() }))
    ) {
      throw notFound('sign-in session');
    }
    await recordAudit(c, 'auth.session_revoked', { details: { signInSessionId: id } });
    return c.body(null, 204);
  });

  return routes;
}

export function readEmail(body: Record<string, unknown>): string {
  const email = requiredString(body, 'email', 320);
  if (!EMAIL_PATTERN.test(email)) throw new HttpError(400, 'invalid_request', 'email must be an email address.');
  return email;
}

function invalidLink(): HttpError {
  return new HttpError(404, 'invalid_link', 'This link is invalid, used or expired.');
}
