/**
 * The slice of the dashboard's ApiClient (src/api/) the replay viewer needs. Declared here so the viewer builds
 * and tests without the SPA; any object with these methods will do.
 */
export interface ReplayApi {
  get<T>(path: string, init?: { signal?: AbortSignal }): Promise<T>;
  fetchRaw(path: string, init?: { signal?: AbortSignal }): Promise<Response>;
}

/** `GET /api/sessions/:id` */
export const sessionDetailPath = (sessionId: string): string => `/api/sessions/${encodeURIComponent(sessionId)}`;

/** `GET /api/sessions/:id/chunks?after=&limit=` */
export const sessionChunksPath = (sessionId: string, afterSeq: number, limit: number): string =>
  `/api/sessions/${encodeURIComponent(sessionId)}/chunks?after=${afterSeq}&limit=${limit}`;

/** Response header carrying the session's highest stored sequence number. */
export const LAST_SEQ_HEADER = 'X-Hindsight-Last-Seq';
/** Response header carrying the session's status (`active` / `completed`) when the chunks were read. */
export const STATUS_HEADER = 'X-Hindsight-Status';
