import { type Permission, SESSION_ID_PATTERN } from '@hindsight/shared';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env';
import { canSeeApplication, type Principal } from '../../auth/permissions';
import type { SessionRow } from '../../db/schema';
import { findConversation } from '../../repos/conversations-repo';
import { findSession } from '../../repos/session-queries-repo';
import { notFound, requirePermission } from './authenticate';

/** The `:id` session of the route, if the principal holds `permission` and may see its application (else 404). */
export async function sessionFromParam(
  c: Context<AppEnv>,
  permission: Permission,
): Promise<{ principal: Principal; session: SessionRow }> {
  const principal = requirePermission(c, permission);
  const id = c.req.param('id') ?? '';
  const session = SESSION_ID_PATTERN.test(id) ? await findSession(c.var.deps.db, id) : undefined;
  if (!session || !canSeeApplication(principal, session.application_id)) throw notFound('session');
  return { principal, session };
}

/**
 * The `:id` of a session or a conversation (a chat may exist without a recording): the principal must hold
 * `permission` and see the application it belongs to (else 404).
 */
export async function sessionIdFromParam(
  c: Context<AppEnv>,
  permission: Permission,
): Promise<{ principal: Principal; sessionId: string; applicationId: string }> {
  const principal = requirePermission(c, permission);
  const id = c.req.param('id') ?? '';
  if (!SESSION_ID_PATTERN.test(id)) throw notFound('session');
  const { db } = c.var.deps;
  const applicationId = (await findSession(db, id))?.application_id ?? (await findConversation(db, id))?.application_id;
  if (!applicationId || !canSeeApplication(principal, applicationId)) throw notFound('session');
  return { principal, sessionId: id, applicationId };
}
