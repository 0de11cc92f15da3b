import type { AppsResponse } from '@hindsight/shared';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { canSeeApplication } from '../../auth/permissions';
import { createApplication, listApplications, updateApplication } from '../../repos/applications-repo';
import { notFound, requireApplicationAccess, requirePermission, signedIn } from './authenticate';
import { invalid, isUuid, readJsonObject, requiredString } from './read-input';
import { recordAudit } from './record-audit';
import { toAppSummary } from './to-api';

const MAX_ORIGINS = 100;

/** Applications: list the visible ones; create and change them (apps.manage). */
export function createAppRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get('/api/apps', async (c) => {
    const principal = signedIn(c);
    const { db, config } = c.var.deps;
    const apps = (await listApplications(db)).filter((app) => canSeeApplication(principal, app.id));
    const body: AppsResponse = { apps: apps.map((app) => toAppSummary(app, config.publicUrl)) };
    return c.json(body);
  });

  routes.post('/api/apps', async (c) => {
    requirePermission(c, 'apps.manage');
    const { db, config } = c.var.deps;
    const body = await readJsonObject(c);
    const app = await createApplication(db, {
      name: requiredString(body, 'name', 100),
      allowedOrigins: body.allowedOrigins === undefined ? [] : readOrigins(body.allowedOrigins),
      retentionDays:
        body.retentionDays === undefined ? config.retention.defaultDays : readRetentionDays(body.retentionDays),
    });
    await recordAudit(c, 'app.created', { applicationId: app.id, details: { name: app.name } });
    return c.json(toAppSummary(app, config.publicUrl), 201);
  });

  routes.patch('/api/apps/:appId', async (c) => {
    const principal = requirePermission(c, 'apps.manage');
    const { db, config } = c.var.deps;
    const appId = c.req.param('appId');
    if (!isUuid(appId)) throw notFound('application');
    requireApplicationAccess(principal, appId);
    const body = await readJsonObject(c);
    const changes = {
      name: body.name === undefined ? undefined : requiredString(body, 'name', 100),
      allowedOrigins: body.allowedOrigins === undefined ? undefined : readOrigins(body.allowedOrigins),
      retentionDays: body.retentionDays === undefined ? undefined : readRetentionDays(body.retentionDays),
    };
    const app = await updateApplication(db, appId, changes);
    if (!app) throw notFound('application');
    await recordAudit(c, 'app.updated', { applicationId: app.id, details: changes });
    return c.json(toAppSummary(app, config.publicUrl));
  });

  return routes;
}

/** Origins as a browser sends them: scheme://host[:port], nothing more. */
function readOrigins(value: unknown): string[] {
  if (!Array.isArray(value) || value.length > MAX_ORIGINS) {
    throw invalid(`allowedOrigins must be an array of at most ${MAX_ORIGINS} origins.`);
  }
  return [
    ...new Set(
      value.map((origin) => {
        if (typeof origin !== 'string' || !URL.canParse(origin))
          throw invalid(`allowedOrigins: ${String(origin)} is not a URL.`);
        const parsed = new URL(origin);
        if (!['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin.replace(/\/$/, '')) {
          throw invalid(`allowedOrigins: "${origin}" must be an origin like https://shop.example (no path).`);
        }
        return parsed.origin;
      }),
    ),
  ];
}

function readRetentionDays(value: unknown): number {
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 3_650) {
    throw invalid('retentionDays must be a whole number from 1 to 3650.');
  }
  return value as number;
}
