import { INGEST_BATCH_PATH, INGEST_END_PATH, type IngestEndResponse } from '@hindsight/shared';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { nodeRequestOf } from '../http/client-address';
import { HttpError } from '../http/http-error';
import { widgetCors } from '../http/widget-cors';
import { acceptBatch } from '../ingest/accept-batch';
import { parseSessionQuery } from '../ingest/parse-batch-query';
import { readBodyWithLimit } from '../ingest/read-body';
import { endSession } from '../repos/sessions-repo';
import { authorizeIngest, type IngestGuards } from './ingest-guards';

/** The public ingest API used by the widget. CORS: any page may call it; the application's allowed origins decide. */
export function createIngestRoutes(guards: IngestGuards) {
  const routes = new Hono<AppEnv>();

  routes.use('/ingest/*', widgetCors('POST, OPTIONS'));

  routes.post(INGEST_BATCH_PATH, async (c) => {
    const { db, config, clock, metrics } = c.var.deps;
    const started = performance.now();
    try {
      const application = await authorizeIngest(c, guards);
      const query = new URL(c.req.url).searchParams;
      const { sessionId, seq } = parseSessionQuery(query, { requireSeq: true });
      const body = await readBodyWithLimit(c.req.raw, config.ingest.maxBodyBytes, nodeRequestOf(c));
      const accepted = await acceptBatch(db, config.ingest, {
        applicationId: application.id,
        sessionId,
        seq,
        body,
        userAgent: c.req.header('user-agent') ?? null,
        receivedAt: clock(),
      });
      metrics.increment('hindsight_ingest_batches_total', { result: accepted.result });
      if (accepted.result === 'accepted') {
        metrics.increment('hindsight_ingest_compressed_bytes_total', {}, body.byteLength);
        metrics.increment('hindsight_ingest_raw_bytes_total', {}, accepted.rawBytes);
        metrics.increment('hindsight_ingest_events_total', {}, accepted.eventCount);
      }
      return c.json({ result: accepted.result }, 200);
    } catch (error) {
      const code = error instanceof HttpError ? error.code : 'internal';
      metrics.increment('hindsight_ingest_batches_total', { result: 'rejected', code });
      throw error;
    } finally {
      metrics.observe('hindsight_ingest_duration_seconds', (performance.now() - started) / 1_000);
    }
  });

  routes.post(INGEST_END_PATH, async (c) => {
    const { db, clock, metrics } = c.var.deps;
    const application = await authorizeIngest(c, guards);
    const { sessionId } = parseSessionQuery(new URL(c.req.url).searchParams, { requireSeq: false });
    const result = await endSession(db, { applicationId: application.id, sessionId, endedAt: clock() });
    if (result.outcome === 'unknown_session') {
      throw new HttpError(404, 'unknown_session', 'No session with this id has been recorded.');
    }
    if (result.outcome === 'session_conflict') {
      throw new HttpError(409, 'session_conflict', 'This session id belongs to another application.');
    }
    metrics.increment('hindsight_sessions_completed_total', { reason: result.endReason });
    const response: IngestEndResponse = { status: 'completed', endReason: result.endReason };
    return c.json(response, 200);
  });

  return routes;
}
