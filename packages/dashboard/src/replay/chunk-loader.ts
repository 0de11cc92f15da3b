import { readChunkStream } from './chunk-stream';
import { LAST_SEQ_HEADER, type ReplayApi, STATUS_HEADER, sessionChunksPath } from './replay-api';
import type { RecordedBatch } from './rrweb-events';

/** Chunks per request: small first page so the first frame comes fast, then bigger pages. */
export const FIRST_PAGE_CHUNKS = 4;
export const NEXT_PAGE_CHUNKS = 50;

export interface LoadChunksOptions {
  api: ReplayApi;
  sessionId: string;
  /** Load chunks after this sequence number (-1 = from the start). */
  afterSeq: number;
  onBatch: (batch: RecordedBatch, seq: number) => void;
  signal?: AbortSignal;
  firstPageChunks?: number;
}

export interface LoadChunksResult {
  /** Last sequence number loaded (`afterSeq` when nothing new was stored). */
  lastSeq: number;
  /** The session's status when the last page was answered (`X-Hindsight-Status`), when the server says. */
  status: string | null;
}

/**
 * Streams every stored chunk after `afterSeq`, page by page, until the server's last sequence number
 * (`X-Hindsight-Last-Seq`) is reached.
 */
export async function loadChunks(options: LoadChunksOptions): Promise<LoadChunksResult> {
  const { api, sessionId, onBatch, signal } = options;
  let after = options.afterSeq;
  let limit = options.firstPageChunks ?? FIRST_PAGE_CHUNKS;
  for (;;) {
    const response = await api.fetchRaw(sessionChunksPath(sessionId, after, limit), signal ? { signal } : undefined);
    if (!response.ok || !response.body) throw new Error(`loading chunks failed: HTTP ${response.status}`);
    const lastStored = Number(response.headers.get(LAST_SEQ_HEADER) ?? Number.NaN);
    const status = response.headers.get(STATUS_HEADER);
    const last = await readChunkStream(response.body, onBatch, signal);
    if (last === null) return { lastSeq: after, status };
    after = last;
    // Without the header (or once it is reached) there is nothing more to ask for now.
    if (!Number.isFinite(lastStored) || after >= lastStored) return { lastSeq: after, status };
    limit = NEXT_PAGE_CHUNKS;
  }
}
