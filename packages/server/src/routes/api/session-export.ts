import type { SessionSummary } from '@hindsight/shared';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env';
import { listSessions, type SessionListQuery } from '../../repos/session-queries-repo';
import { attachmentName, csvLine } from './csv';
import { toSessionSummary } from './to-api';

const EXPORT_PAGE_SIZE = 1_000;
/** An export is a list for a spreadsheet or a script, not a backup: it stops here (and says so in a header). */
const MAX_EXPORT_ROWS = 100_000;

const COLUMNS: (keyof SessionSummary)[] = [
  'id',
  'status',
  'endReason',
  'landingUrl',
  'startedAt',
  'endedAt',
  'lastActivityAt',
  'durationMs',
  'eventCount',
  'pageCount',
  'replayable',
  'visitorId',
  'browser',
  'os',
  'device',
];

/** Streams the filtered session list as CSV or JSON, page by page (memory stays flat however long it is). */
export function exportSessions(
  c: Context<AppEnv>,
  query: SessionListQuery,
  format: 'csv' | 'json',
  applicationName: string,
): Response {
  const { db } = c.var.deps;
  const encoder = new TextEncoder();
  async function* pages() {
    let after = query.after;
    for (let sent = 0; sent < MAX_EXPORT_ROWS; ) {
      const rows = await listSessions(db, {
        ...query,
        after,
        limit: Math.min(EXPORT_PAGE_SIZE, MAX_EXPORT_ROWS - sent),
      });
      if (rows.length === 0) return;
      yield rows.map(toSessionSummary);
      sent += rows.length;
      const last = rows.at(-1);
      if (!last || rows.length < EXPORT_PAGE_SIZE) return;
      after = { startedAt: last.cursor_started_at, id: last.id };
    }
  }
  const iterator = pages();
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(format === 'csv' ? csvLine(COLUMNS) : '{"sessions":['));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) {
        if (format === 'json') controller.enqueue(encoder.encode(']}\n'));
        controller.close();
        return;
      }
      let text = '';
      for (const session of next.value) {
        if (format === 'csv') text += csvLine(COLUMNS.map((column) => session[column]));
        else text += `${first ? '' : ','}\n${JSON.stringify(session)}`;
        first = false;
      }
      controller.enqueue(encoder.encode(text));
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': attachmentName(`${applicationName}-sessions`, format),
      'Cache-Control': 'no-store',
    },
  });
}
