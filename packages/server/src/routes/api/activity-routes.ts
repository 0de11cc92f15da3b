import {
  ACTIVITY_TYPES,
  type ActivityChartResponse,
  type ActivityItem,
  type ActivityResponse,
  CHART_RANGES,
} from '@hindsight/shared';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { type ActivityRow, activityChart, listActivity } from '../../repos/activity-repo';
import { applicationFromParam } from './application-param';
import { decodeCursor, encodeCursor, isPostgresTimestamp } from './cursor';
import { invalid, queryChoice, queryInt } from './read-input';

const DEFAULT_PAGE_SIZE = 50;

/** The Activity page: visitor prompts and started sessions, newest first, and the sessions-per-time chart. */
export function createActivityRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get('/api/apps/:appId/activity', async (c) => {
    const { application } = await applicationFromParam(c, 'sessions.view');
    const type = queryChoice(c, 'type', ACTIVITY_TYPES, 'all');
    const limit = queryInt(c, 'limit', DEFAULT_PAGE_SIZE, 1, 200);
    const cursor = decodeCursor(c.req.query('cursor'), 3);
    const [at, kind, id] = cursor ?? [];
    if (cursor && (!isPostgresTimestamp(at as string) || (kind !== 'prompt' && kind !== 'session'))) {
      throw invalid('The cursor is not one this server issued.');
    }
    const rows = await listActivity(c.var.deps.db, {
      applicationId: application.id,
      type,
      limit,
      after: cursor && { at: at as string, kind: kind as 'prompt' | 'session', id: id as string },
    });
    const last = rows.length === limit ? rows.at(-1) : undefined;
    const body: ActivityResponse = {
      items: rows.map(toActivityItem),
      nextCursor: last ? encodeCursor([last.cursor_at, last.kind, last.id]) : null,
    };
    return c.json(body);
  });

  routes.get('/api/apps/:appId/activity/chart', async (c) => {
    const { application } = await applicationFromParam(c, 'sessions.view');
    const range = queryChoice(c, 'range', CHART_RANGES, '24h');
    const rows = await activityChart(c.var.deps.db, { applicationId: application.id, range, now: c.var.deps.clock() });
    const buckets = rows.map((row) => ({
      start: row.start.toISOString(),
      sessions: row.sessions,
      prompts: row.prompts,
    }));
    const body: ActivityChartResponse = {
      range,
      buckets,
      totals: {
        sessions: buckets.reduce((sum, b) => sum + b.sessions, 0),
        prompts: buckets.reduce((sum, b) => sum + b.prompts, 0),
      },
    };
    return c.json(body);
  });

  return routes;
}

function toActivityItem(row: ActivityRow): ActivityItem {
  const at = row.at.toISOString();
  if (row.kind === 'prompt') {
    return {
      type: 'prompt',
      at,
      sessionId: row.session_id,
      text: row.text ?? '',
      offsetMs: Number(row.offset_ms ?? 0),
      unanswered: row.unanswered,
    };
  }
  return {
    type: 'session',
    at,
    sessionId: row.session_id,
    landingUrl: row.landing_url,
    status: row.status ?? 'active',
    eventCount: Number(row.event_count ?? 0),
  };
}
