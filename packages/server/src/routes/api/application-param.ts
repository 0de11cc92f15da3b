import type { Permission } from '@hindsight/shared';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env';
import type { Principal } from '../../auth/permissions';
import type { ApplicationRow } from '../../db/schema';
import { findApplication } from '../../repos/applications-repo';
import { notFound, requireApplicationAccess, requirePermission } from './authenticate';
import { isUuid } from './read-input';

/** The `:appId` of the route, checked: the permission first, then that this principal may see the application. */
export async function applicationFromParam(
  c: Context<AppEnv>,
  permission: Permission,
): Promise<{ principal: Principal; application: ApplicationRow }> {
  const principal = requirePermission(c, permission);
  const appId = c.req.param('appId') ?? '';
  if (!isUuid(appId)) throw notFound('application');
  requireApplicationAccess(principal, appId);
  const application = await findApplication(c.var.deps.db, appId);
  if (!application) throw notFound('application');
  return { principal, application };
}
