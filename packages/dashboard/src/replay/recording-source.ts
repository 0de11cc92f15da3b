import type { SessionDetailResponse } from '@hindsight/shared';
import { loadChunks } from './chunk-loader';
import type { ReplayApi } from './replay-api';
import type { RecordedBatch } from './rrweb-events';

export type SessionDetail = SessionDetailResponse['session'];
export type BatchSink = (batch: RecordedBatch) => void;

/** Where a recording's events come from: the server's chunk stream, or a file that holds them all. */
export interface RecordingSource {
  /** Streams everything stored so far into `onBatch`, in order. */
  load(onBatch: BatchSink, signal: AbortSignal): Promise<void>;
  /**
   * Streams what was stored since the last call (live sessions). Resolves with the session's status when the
   * server tells it. Absent when the recording cannot grow.
   */
  poll?(onBatch: BatchSink, signal: AbortSignal): Promise<{ status: string | null }>;
}

/** The server's `/api/sessions/:id/chunks`, followed from the last sequence number seen. */
export function createServerSource(api: ReplayApi, sessionId: string): RecordingSource {
  let lastSeq = -1;
  return {
    async load(onBatch, signal) {
      ({ lastSeq } = await loadChunks({ api, sessionId, afterSeq: lastSeq, onBatch, signal }));
    },
    async poll(onBatch, signal) {
      const result = await loadChunks({ api, sessionId, afterSeq: lastSeq, onBatch, signal, firstPageChunks: 50 });
      lastSeq = result.lastSeq;
      return { status: result.status };
    },
  };
}

/** All events at once (the offline file). */
export function createStaticSource(events: RecordedBatch['events']): RecordingSource {
  return {
    async load(onBatch) {
      onBatch({ events: [...events].sort((a, b) => a.timestamp - b.timestamp) });
    },
  };
}
