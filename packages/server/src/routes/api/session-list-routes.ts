import { SESSION_FILTERS, type SessionsResponse, VISITOR_ID_PATTERN } from '@hindsight/shared';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import {
  countSessions,
  deleteVisitorSessions,
  listSessions,
  type SessionListQuery,
} from '../../repos/session-queries-repo';
import { applicationFromParam } from './application-param';
import { decodeCursor, encodeCursor, isPostgresTimestamp } from './cursor';
import { invalid, queryChoice, queryInt, readJsonObject, requiredString } from './read-input';
import { recordAudit } from './record-audit';
import { exportSessions } from './session-export';
import { toSessionSummary } from './to-api';

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;
const MAX_SEARCH_LENGTH = 200;

/** An application's sessions: the list with counts, its export, and erasing a visitor. */
export function createSessionListRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get('/api/apps/:appId/sessions', async (c) => {
    const { application } = await applicationFromParam(c, 'sessions.view');
    const { db } = c.var.deps;
    const query = {
      ...readListQuery(c, application.id),
      limit: queryInt(c, 'limit', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE),
    };
    const [rows, counts] = await Promise.all([listSessions(db, query), countSessions(db, application.id)]);
    const last = rows.length === query.limit ? rows.at(-1) : undefined;
    const body: SessionsResponse = {
      sessions: rows.map(toSessionSummary),
      counts,
      nextCursor: last ? encodeCursor([last.cursor_started_at, last.id]) : null,
    };
    return c.json(body);
  });

  routes.get('/api/apps/:appId/sessions/export', async (c) => {
    const { application } = await applicationFromParam(c, 'recordings.download');
    const format = queryChoice(c, 'format', ['csv', 'json'] as const, 'csv');
    const query = readListQuery(c, application.id);
    await recordAudit(c, 'sessions.exported', {
      applicationId: application.id,
      details: { format, status: query.status, search: query.search ?? null },
    });
    return exportSessions(c, { ...query, limit: 0 }, format, application.name);
  });

  routes.post('/api/apps/:appId/erase-visitor', async (c) => {
    const { application } = await applicationFromParam(c, 'apps.manage');
    const visitorId = requiredString(await readJsonObject(c), 'visitorId', 64);
    if (!VISITOR_ID_PATTERN.test(visitorId)) throw invalid('visitorId is not a visitor id.');
    const erased = await deleteVisitorSessions(c.var.deps.db, application.id, visitorId);
    await recordAudit(c, 'visitor.erased', { applicationId: application.id, details: { visitorId, erased } });
    return c.json({ erased });
  });

  return routes;
}

/** status, q and cursor of a sessions request. */
function readListQuery(c: Context<AppEnv>, applicationId: string): Omit<SessionListQuery, 'limit'> {
  const search = c.req.query('q')?.trim() || undefined;
  if (search && search.length > MAX_SEARCH_LENGTH) throw invalid(`q must be at most ${MAX_SEARCH_LENGTH} characters.`);
  const cursor = decodeCursor(c.req.query('cursor'), 2);
  if (cursor && !isPostgresTimestamp(cursor[0] as string)) throw invalid('The cursor is not one this server issued.');
  return {
    applicationId,
    status: queryChoice(c, 'status', SESSION_FILTERS, 'all'),
    search,
    after: cursor && { startedAt: cursor[0] as string, id: cursor[1] as string },
  };
}
