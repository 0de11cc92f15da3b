import { AUDIT_ACTIONS, type AuditResponse } from '@hindsight/shared';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { type AuditFilter, listAudit } from '../../repos/audit-repo';
import { requirePermission } from './authenticate';
import { attachmentName, csvLine } from './csv';
import { invalid, isUuid, queryChoice, queryInt } from './read-input';
import { recordAudit } from './record-audit';
import { toAuditEntry } from './to-api';

const PAGE_SIZE = 100;
const EXPORT_PAGE_SIZE = 1_000;
const MAX_EXPORT_ROWS = 1_000_000;

/** The access log (audit.view): read, filter and export. Nothing here or anywhere edits or deletes it. */
export function createAuditRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get('/api/audit', async (c) => {
    requirePermission(c, 'audit.view');
    const limit = queryInt(c, 'limit', PAGE_SIZE, 1, 500);
    const rows = await listAudit(c.var.deps.db, { ...readFilter(c), limit });
    const last = rows.length === limit ? rows.at(-1) : undefined;
    const body: AuditResponse = { entries: rows.map(toAuditEntry), nextCursor: last ? String(last.id) : null };
    return c.json(body);
  });

  routes.get('/api/audit/export', async (c) => {
    requirePermission(c, 'audit.view');
    const format = queryChoice(c, 'format', ['csv', 'json'] as const, 'csv');
    const filter = readFilter(c);
    await recordAudit(c, 'audit.exported', { details: { format } });
    const { db } = c.var.deps;
    const encoder = new TextEncoder();
    const columns = [
      'id',
      'at',
      'action',
      'userId',
      'userEmail',
      'appId',
      'sessionId',
      'address',
      'userAgent',
      'details',
    ];
    let beforeId = filter.beforeId;
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(format === 'csv' ? csvLine(columns) : '{"entries":['));
      },
      async pull(controller) {
        const rows = await listAudit(db, { ...filter, beforeId, limit: EXPORT_PAGE_SIZE });
        let text = '';
        for (const row of rows) {
          const entry = toAuditEntry(row);
          text +=
            format === 'csv'
              ? csvLine(columns.map((column) => entry[column as keyof typeof entry]))
              : `${sent === 0 ? '' : ','}\n${JSON.stringify(entry)}`;
          sent++;
          beforeId = row.id;
        }
        if (text) controller.enqueue(encoder.encode(text));
        if (rows.length < EXPORT_PAGE_SIZE || sent >= MAX_EXPORT_ROWS) {
          if (format === 'json') controller.enqueue(encoder.encode(']}\n'));
          controller.close();
        }
      },
    });
    return new Response(body, {
      headers: {
        'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'Content-Disposition': attachmentName('hindsight-access-log', format),
        'Cache-Control': 'no-store',
      },
    });
  });

  return routes;
}

function readFilter(c: Context<AppEnv>): AuditFilter {
  const action = c.req.query('action') || undefined;
  if (action && !(AUDIT_ACTIONS as readonly string[]).includes(action)) throw invalid('action is not a known action.');
  const userId = c.req.query('userId') || undefined;
  const applicationId = c.req.query('appId') || undefined;
  for (const [name, value] of [
    ['userId', userId],
    ['appId', applicationId],
  ] as const) {
    if (value && !isUuid(value)) throw invalid(`${name} must be an id.`);
  }
  const cursor = c.req.query('cursor') || undefined;
  if (cursor && !/^\d{1,18}$/.test(cursor)) throw invalid('The cursor is not one this server issued.');
  return { action, userId, applicationId, beforeId: cursor ? Number(cursor) : undefined, limit: PAGE_SIZE };
}
