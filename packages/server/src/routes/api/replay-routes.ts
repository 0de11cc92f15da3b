import { CHUNK_FRAME_HEADER_BYTES, type SessionDetailResponse } from '@hindsight/shared';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { findApplication } from '../../repos/applications-repo';
import { listSessionMessages } from '../../repos/messages-repo';
import { deleteSession, listChunkInfo, readChunks } from '../../repos/session-queries-repo';
import { queryChoice, queryInt } from './read-input';
import { recordAudit } from './record-audit';
import { downloadRecording } from './recording-download';
import { sessionFromParam } from './session-param';
import { toSessionDetail } from './to-api';

const DEFAULT_CHUNKS_PER_REQUEST = 20;
const MAX_CHUNKS_PER_REQUEST = 200;

/** One session: its metadata (opening it is a replay view), its chunks for the player, download, erasure. */
export function createReplayRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get('/api/sessions/:id', async (c) => {
    const { session } = await sessionFromParam(c, 'recordings.view');
    const { db } = c.var.deps;
    const [application, chunks, messages] = await Promise.all([
      findApplication(db, session.application_id),
      listChunkInfo(db, session.id),
      listSessionMessages(db, session.id),
    ]);
    await recordAudit(c, 'replay.viewed', { applicationId: session.application_id, sessionId: session.id });
    const body: SessionDetailResponse = {
      session: toSessionDetail(session),
      app: { id: session.application_id, name: application?.name ?? '' },
      chunks: chunks.map((chunk) => ({
        seq: chunk.seq,
        firstTimestamp: chunk.first_timestamp,
        lastTimestamp: chunk.last_timestamp,
        eventCount: chunk.event_count,
        rawBytes: chunk.raw_bytes,
        compressedBytes: Number(chunk.compressed_bytes),
      })),
      messages: messages.map((m) => ({ role: m.role, text: m.text, timestamp: m.timestamp })),
    };
    return c.json(body);
  });

  // The stored gzip bodies as they are, framed: no inflating or re-encoding on the server; the browser
  // inflates them with DecompressionStream, and the first frames arrive before the last are read.
  routes.get('/api/sessions/:id/chunks', async (c) => {
    const { session } = await sessionFromParam(c, 'recordings.view');
    const afterSeq = queryInt(c, 'after', -1, -1, 2_147_483_647);
    const limit = queryInt(c, 'limit', DEFAULT_CHUNKS_PER_REQUEST, 1, MAX_CHUNKS_PER_REQUEST);
    const chunks = await readChunks(c.var.deps.db, { sessionId: session.id, afterSeq, limit });
    const frames: Buffer[] = [];
    for (const chunk of chunks) {
      const header = Buffer.alloc(CHUNK_FRAME_HEADER_BYTES);
      header.writeUInt32BE(chunk.seq, 0);
      header.writeUInt32BE(chunk.data.byteLength, 4);
      frames.push(header, chunk.data);
    }
    return c.body(new Uint8Array(Buffer.concat(frames)), 200, {
      'Content-Type': 'application/octet-stream',
      'Cache-Control': 'private, no-store',
      'X-Hindsight-Last-Seq': String(session.last_seq),
      'X-Hindsight-Status': session.status,
    });
  });

  routes.get('/api/sessions/:id/download', async (c) => {
    const { session } = await sessionFromParam(c, 'recordings.download');
    const format = queryChoice(c, 'format', ['json', 'html'] as const, 'json');
    await recordAudit(c, 'recording.downloaded', {
      applicationId: session.application_id,
      sessionId: session.id,
      details: { format },
    });
    return downloadRecording(c, session, format);
  });

  routes.delete('/api/sessions/:id', async (c) => {
    const { session } = await sessionFromParam(c, 'apps.manage');
    await deleteSession(c.var.deps.db, session.id);
    await recordAudit(c, 'session.erased', { applicationId: session.application_id, sessionId: session.id });
    return c.body(null, 204);
  });

  return routes;
}
