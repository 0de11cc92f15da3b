import { type CreatedInvite, ROLES, type Role } from '@hindsight/shared';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { hashPassword } from '../../auth/password';
import type { Principal } from '../../auth/permissions';
import { generateSecretToken, hashSecretToken } from '../../auth/secret-token';
import type { Db } from '../../db/database';
import { HttpError } from '../../http/http-error';
import { listApplications } from '../../repos/applications-repo';
import { revokeAllAuthSessions } from '../../repos/auth-sessions-repo';
import { consumeInvite, createInvite, findOpenInvite } from '../../repos/invites-repo';
import { countOwners, createUser, deleteUser, findUserById, listUsers, updateUser } from '../../repos/users-repo';
import { readEmail } from './auth-routes';
import { notFound, requirePermission } from './authenticate';
import { invalid, isUuid, readJsonObject, requiredString } from './read-input';
import { readNewPassword } from './read-new-password';
import { recordAudit } from './record-audit';
import { startSignIn } from './sign-in';
import { toUserSummary } from './to-api';

const INVITE_TTL_MS = 7 * 24 * 3_600_000;

/** Users and invitations (users.manage), and accepting an invitation (public, with the one-time link). */
export function createTeamRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get('/api/users', async (c) => {
    requirePermission(c, 'users.manage');
    return c.json({ users: (await listUsers(c.var.deps.db)).map(toUserSummary) });
  });

  routes.post('/api/invites', async (c) => {
    const principal = requirePermission(c, 'users.manage');
    const { db, clock, config } = c.var.deps;
    const body = await readJsonObject(c);
    const email = readEmail(body);
    const role = readRole(body.role);
    assertMayGrant(principal, role);
    const appIds = await readAppIds(db, body.appIds);
    const token = generateSecretToken();
    const now = clock();
    const invite = await createInvite(db, {
      tokenHash: hashSecretToken(token),
      kind: 'invite',
      email,
      role,
      appIds,
      createdBy: principal.userId,
      now,
      expiresAt: new Date(now.getTime() + INVITE_TTL_MS),
    });
    await recordAudit(c, 'user.invited', { details: { email, role, appIds } });
    const created: CreatedInvite = {
      id: invite.id,
      email,
      role,
      appIds,
      expiresAt: invite.expires_at.toISOString(),
      url: `${config.publicUrl}/invite?token=${token}`,
    };
    return c.json(created, 201);
  });

  routes.get('/api/invites/:token', async (c) => {
    const { db, clock } = c.var.deps;
    const invite = await findOpenInvite(db, {
      tokenHash: hashSecretToken(c.req.param('token')),
      kind: 'invite',
      now: clock(),
    });
    if (!invite) throw invalidLink();
    return c.json({ email: invite.email, role: invite.role });
  });

  routes.post('/api/invites/:token/accept', async (c) => {
    const { db, clock } = c.var.deps;
    const body = await readJsonObject(c);
    const name = requiredString(body, 'name', 100);
    const passwordHash = await hashPassword(readNewPassword(body));
    const tokenHash = hashSecretToken(c.req.param('token'));
    const user = await db.transaction().execute(async (tx) => {
      const invite = await findOpenInvite(tx, { tokenHash, kind: 'invite', now: clock() });
      if (!invite?.email || !(await consumeInvite(tx, invite.id, clock()))) throw invalidLink();
      const created = await createUser(tx, {
        email: invite.email,
        name,
        role: invite.role,
        passwordHash,
        appIds: invite.app_ids,
      });
      if (!created) throw new HttpError(409, 'already_exists', 'An account with this email already exists.');
      return created;
    });
    const me = await startSignIn(c, user);
    await recordAudit(c, 'user.joined', {
      actor: { userId: user.id, email: user.email },
      details: { role: user.role },
    });
    return c.json(me, 201);
  });

  routes.patch('/api/users/:id', async (c) => {
    const principal = requirePermission(c, 'users.manage');
    const { db, clock } = c.var.deps;
    const target = await findTarget(db, c.req.param('id'));
    const body = await readJsonObject(c);
    const role = body.role === undefined ? undefined : readRole(body.role);
    const appIds = body.appIds === undefined ? undefined : await readAppIds(db, body.appIds);
    assertMayManage(principal, target.role);
    if (role) assertMayGrant(principal, role);
    const updated = await db.transaction().execute(async (tx) => {
      if (target.role === 'owner' && role && role !== 'owner' && (await countOwners(tx)) <= 1) {
        throw new HttpError(409, 'invalid_request', 'The last owner cannot be demoted.');
      }
      return updateUser(tx, target.id, { role, appIds });
    });
    // New rights take effect at once; fewer rights end every sign-in of that user.
    if (role && role !== target.role) await revokeAllAuthSessions(db, target.id, clock());
    await recordAudit(c, 'user.updated', { details: { userId: target.id, email: target.email, role, appIds } });
    return c.json(toUserSummary(updated ?? target));
  });

  routes.delete('/api/users/:id', async (c) => {
    const principal = requirePermission(c, 'users.manage');
    const { db } = c.var.deps;
    const target = await findTarget(db, c.req.param('id'));
    assertMayManage(principal, target.role);
    if (target.id === principal.userId) throw new HttpError(409, 'invalid_request', 'You cannot remove yourself.');
    await deleteUser(db, target.id);
    await recordAudit(c, 'user.removed', { details: { userId: target.id, email: target.email, role: target.role } });
    return c.body(null, 204);
  });

  return routes;
}

async function findTarget(db: Db, id: string) {
  const user = isUuid(id) ? await findUserById(db, id) : undefined;
  if (!user) throw notFound('user');
  return user;
}

function readRole(value: unknown): Role {
  if (typeof value !== 'string' || !(ROLES as readonly string[]).includes(value)) {
    throw invalid(`role must be one of ${ROLES.join(', ')}.`);
  }
  return value as Role;
}

/** Only an owner may create or change owners. */
function assertMayGrant(principal: Principal, role: Role): void {
  if (role === 'owner' && principal.role !== 'owner') {
    throw new HttpError(403, 'forbidden', 'Only an owner can grant the owner role.');
  }
}

function assertMayManage(principal: Principal, targetRole: Role): void {
  if (targetRole === 'owner' && principal.role !== 'owner') {
    throw new HttpError(403, 'forbidden', 'Only an owner can change an owner.');
  }
}

async function readAppIds(db: Db, value: unknown): Promise<string[]> {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((id) => typeof id === 'string' && isUuid(id))) {
    throw invalid('appIds must be an array of application ids.');
  }
  const known = new Set((await listApplications(db)).map((app) => app.id));
  const unknown = value.find((id) => !known.has(id));
  if (unknown) throw invalid(`appIds: no application ${unknown}.`);
  return [...new Set(value as string[])];
}

function invalidLink(): HttpError {
  return new HttpError(404, 'invalid_link', 'This link is invalid, used or expired.');
}
