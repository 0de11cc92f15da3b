import type { EndReason, SessionStatus } from '@hindsight/shared';
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Column types as kysely sees them; rows never leave the server (routes map them to `@hindsight/shared` types). */
export interface Database {
  applications: ApplicationsTable;
  sessions: SessionsTable;
  chunks: ChunksTable;
}

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** bigint columns: node-postgres returns them as strings; the db layer parses them to numbers (see database.ts). */
type BigCount = ColumnType<number, number, number>;

export interface ApplicationsTable {
  id: Generated<string>;
  name: string;
  public_key: string;
  allowed_origins: ColumnType<string[], string[] | undefined, string[]>;
  retention_days: number;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  id: string;
  application_id: string;
  visitor_id: string | null;
  status: SessionStatus;
  end_reason: EndReason | null;
  started_at: Timestamp;
  last_activity_at: Timestamp;
  ended_at: Timestamp | null;
  /** Set when the latest batch was a pagehide flush; cleared by any later batch. */
  pagehide_at: Timestamp | null;
  landing_url: string | null;
  landing_seq: number | null;
  last_seq: number;
  referrer: string | null;
  user_agent: string | null;
  browser: string | null;
  os: string | null;
  device: string | null;
  viewport_width: number | null;
  viewport_height: number | null;
  page_count: number;
  event_count: BigCount;
  chunk_count: number;
  compressed_bytes: BigCount;
  raw_bytes: BigCount;
  dropped_events: number;
  /** A full snapshot has been received, so the session can be replayed. */
  replayable: boolean;
  /** rrweb timestamps (ms, client clock) of the earliest and latest event received. */
  first_timestamp: BigCount | null;
  last_timestamp: BigCount | null;
}

export interface ChunksTable {
  session_id: string;
  seq: number;
  /** rrweb timestamps (ms since the epoch, client clock) of the first and last event. */
  first_timestamp: BigCount;
  last_timestamp: BigCount;
  event_count: number;
  raw_bytes: number;
  /** The gzip body exactly as received. */
  data: Buffer;
  received_at: Timestamp;
}

export type ApplicationRow = Selectable<ApplicationsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type NewSession = Insertable<SessionsTable>;
export type ChunkRow = Selectable<ChunksTable>;
