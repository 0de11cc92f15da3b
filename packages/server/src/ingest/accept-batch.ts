import type { IngestBatchResponse } from '@hindsight/shared';
import type { IngestLimits } from '../config';
import type { Db } from '../db/database';
import { HttpError } from '../http/http-error';
import { storeRecordedMessages } from '../repos/messages-repo';
import { storeChunk } from '../repos/sessions-repo';
import { inflateWithCap } from './inflate';
import { parseBatch } from './parse-batch';
import { parseUserAgent } from './user-agent';

export interface BatchRequest {
  applicationId: string;
  sessionId: string;
  seq: number;
  /** The compressed body as received. */
  body: Buffer;
  userAgent: string | null;
  receivedAt: Date;
}

export interface AcceptedBatch extends IngestBatchResponse {
  eventCount: number;
  rawBytes: number;
}

/**
 * Checks a batch fully before anything is stored (inflate under a cap, parse, check every event), then
 * stores the compressed bytes as received together with the session's counters, atomically.
 */
export async function acceptBatch(db: Db, limits: IngestLimits, request: BatchRequest): Promise<AcceptedBatch> {
  const json = await inflateWithCap(request.body, limits.maxInflatedBytes);
  const batch = parseBatch(json);
  const { browser, os, device } = parseUserAgent(request.userAgent);

  const result = await storeChunk(db, {
    applicationId: request.applicationId,
    sessionId: request.sessionId,
    seq: request.seq,
    receivedAt: request.receivedAt,
    data: request.body,
    rawBytes: json.byteLength,
    eventCount: batch.eventCount,
    firstTimestamp: batch.firstTimestamp,
    lastTimestamp: batch.lastTimestamp,
    hasFullSnapshot: batch.hasFullSnapshot,
    page: batch.page,
    visitorId: batch.visitorId,
    pagehide: batch.pagehide,
    dropped: batch.dropped,
    client: { userAgent: request.userAgent?.slice(0, 512) ?? null, browser, os, device },
  });

  switch (result) {
    case 'session_conflict':
      throw new HttpError(409, 'session_conflict', 'This session id belongs to another application.');
    case 'session_ended':
      throw new HttpError(409, 'session_ended', 'This session has ended; start a new session.');
    default:
      // Also for a duplicate: if a crash came between the chunk and its messages, the retry completes them.
      await storeRecordedMessages(db, {
        applicationId: request.applicationId,
        sessionId: request.sessionId,
        seq: request.seq,
        receivedAt: request.receivedAt,
        messages: batch.messages,
      });
      return { result, eventCount: batch.eventCount, rawBytes: json.byteLength };
  }
}
