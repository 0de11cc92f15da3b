import type { EndReason } from '@hindsight/shared';
import { sql } from 'kysely';
import { type Db, executePrepared } from '../db/database';

/** Everything the ingest path learned about one accepted batch, ready to store. */
export interface ChunkToStore {
  applicationId: string;
  sessionId: string;
  seq: number;
  receivedAt: Date;
  /** The gzip body exactly as received. */
  data: Buffer;
  rawBytes: number;
  eventCount: number;
  firstTimestamp: number;
  lastTimestamp: number;
  hasFullSnapshot: boolean;
  page: { url: string; referrer: string | null; width: number; height: number } | null;
  visitorId: string | null;
  pagehide: boolean;
  dropped: number;
  client: { userAgent: string | null; browser: string | null; os: string | null; device: string | null };
}

export type StoreChunkResult = 'accepted' | 'duplicate' | 'session_conflict' | 'session_ended';

/**
 * Stores a chunk and moves its session's counters in one atomic statement: both happen or neither.
 * (session, seq) is the chunk's primary key, so a retried batch is recognised and counted once.
 * The common case (the session exists) is a single round trip; a new session takes one more.
 */
export async function storeChunk(db: Db, chunk: ChunkToStore): Promise<StoreChunkResult> {
  // A session's first batch (seq 0, normally the full snapshot: the largest body) tries to create the session
  // first, so the body is not sent to PostgreSQL twice. If a concurrent request creates the session between
  // two statements, the next one finds it.
  if (chunk.seq === 0 && (await createSessionWithChunk(db, chunk))) return 'accepted';
  for (let attempt = 0; attempt < 2; attempt++) {
    const existing = await appendToExistingSession(db, chunk);
    if (existing) return existing;
    if (await createSessionWithChunk(db, chunk)) return 'accepted';
  }
  throw new Error(`session ${chunk.sessionId} could neither be found nor created`);
}

async function appendToExistingSession(db: Db, c: ChunkToStore): Promise<StoreChunkResult | undefined> {
  const pageCount = c.page ? 1 : 0;
  type Row = { application_id: string; status: string; inserted: boolean; already_stored: boolean };
  const rows = await executePrepared<Row>(
    db,
    'hindsight_append_chunk',
    sql<Row>`
    with target as (
      select application_id, status from sessions where id = ${c.sessionId} for update
    ), inserted as (
      insert into chunks (session_id, seq, first_timestamp, last_timestamp, event_count, raw_bytes, data, received_at)
      select ${c.sessionId}, ${c.seq}, ${c.firstTimestamp}, ${c.lastTimestamp}, ${c.eventCount}, ${c.rawBytes},
             ${c.data}, ${c.receivedAt}
      from target where target.application_id = ${c.applicationId} and target.status = 'active'
      on conflict (session_id, seq) do nothing
      returning seq
    ), updated as (
      update sessions set
        last_activity_at = greatest(last_activity_at, ${c.receivedAt}),
        pagehide_at = case
          when ${c.seq} >= last_seq and ${c.pagehide} then ${c.receivedAt}::timestamptz
          when ${c.seq} > last_seq then null
          else pagehide_at end,
        last_seq = greatest(last_seq, ${c.seq}),
        event_count = event_count + ${c.eventCount},
        chunk_count = chunk_count + 1,
        compressed_bytes = compressed_bytes + ${c.data.byteLength},
        raw_bytes = raw_bytes + ${c.rawBytes},
        dropped_events = dropped_events + ${c.dropped},
        page_count = page_count + ${pageCount},
        replayable = replayable or ${c.hasFullSnapshot},
        first_timestamp = least(first_timestamp, ${c.firstTimestamp}),
        last_timestamp = greatest(last_timestamp, ${c.lastTimestamp}),
        visitor_id = coalesce(visitor_id, ${c.visitorId}),
        landing_url = case when ${isEarlierLanding(c)} then ${c.page?.url ?? null} else landing_url end,
        referrer = case when ${isEarlierLanding(c)} then ${c.page?.referrer ?? null} else referrer end,
        viewport_width = case when ${isEarlierLanding(c)} then ${c.page?.width ?? null}::int else viewport_width end,
        viewport_height = case when ${isEarlierLanding(c)} then ${c.page?.height ?? null}::int else viewport_height end,
        landing_seq = case when ${isEarlierLanding(c)} then ${c.seq} else landing_seq end,
        user_agent = coalesce(user_agent, ${c.client.userAgent}),
        browser = coalesce(browser, ${c.client.browser}),
        os = coalesce(os, ${c.client.os}),
        device = coalesce(device, ${c.client.device})
      from inserted where sessions.id = ${c.sessionId}
    )
    select target.application_id, target.status,
      exists (select 1 from inserted) as inserted,
      -- Only a completed session needs the look-up (an active one that inserted nothing had a conflict); it
      -- reads the snapshot from before this statement, so it is true only for a real retry.
      case when target.status <> 'active'
        then exists (select 1 from chunks where session_id = ${c.sessionId} and seq = ${c.seq})
        else not exists (select 1 from inserted) end as already_stored
    from target`.compile(db),
  );

  const row = rows[0];
  if (!row) return undefined;
  if (row.application_id !== c.applicationId) return 'session_conflict';
  if (row.inserted) return 'accepted';
  if (row.already_stored) return 'duplicate';
  return 'session_ended';
}

/** SQL condition: this batch carries page metadata from an earlier page than the current landing page. */
function isEarlierLanding(c: ChunkToStore) {
  return sql<boolean>`(${c.page !== null} and (landing_seq is null or ${c.seq} < landing_seq))`;
}

async function createSessionWithChunk(db: Db, c: ChunkToStore): Promise<boolean> {
  const rows = await executePrepared<{ seq: number }>(
    db,
    'hindsight_create_session',
    sql<{ seq: number }>`
    with created as (
      insert into sessions (
        id, application_id, visitor_id, status, started_at, last_activity_at, pagehide_at, last_seq,
        landing_url, landing_seq, referrer, viewport_width, viewport_height,
        user_agent, browser, os, device,
        page_count, event_count, chunk_count, compressed_bytes, raw_bytes, dropped_events, replayable,
        first_timestamp, last_timestamp
      ) values (
        ${c.sessionId}, ${c.applicationId}, ${c.visitorId}, 'active', ${c.receivedAt}, ${c.receivedAt},
        ${c.pagehide ? c.receivedAt : null}, ${c.seq},
        ${c.page?.url ?? null}, ${c.page ? c.seq : null}, ${c.page?.referrer ?? null},
        ${c.page?.width ?? null}, ${c.page?.height ?? null},
        ${c.client.userAgent}, ${c.client.browser}, ${c.client.os}, ${c.client.device},
        ${c.page ? 1 : 0}, ${c.eventCount}, 1, ${c.data.byteLength}, ${c.rawBytes}, ${c.dropped}, ${c.hasFullSnapshot},
        ${c.firstTimestamp}, ${c.lastTimestamp}
      )
      on conflict (id) do nothing
      returning id
    )
    insert into chunks (session_id, seq, first_timestamp, last_timestamp, event_count, raw_bytes, data, received_at)
    select created.id, ${c.seq}, ${c.firstTimestamp}, ${c.lastTimestamp}, ${c.eventCount}, ${c.rawBytes},
           ${c.data}, ${c.receivedAt}
    from created
    returning seq`.compile(db),
  );
  return rows.length === 1;
}

export type EndSessionResult =
  | { outcome: 'ended'; endReason: EndReason }
  | { outcome: 'unknown_session' }
  | { outcome: 'session_conflict' };

/**
 * Completes a session because the visitor ended the chat. Idempotent: ending an already completed session
 * answers its existing end reason.
 */
export async function endSession(
  db: Db,
  input: { applicationId: string; sessionId: string; endedAt: Date },
): Promise<EndSessionResult> {
  const ended = await db
    .updateTable('sessions')
    .set({ status: 'completed', end_reason: 'chat_ended', ended_at: input.endedAt, pagehide_at: null })
    .where('id', '=', input.sessionId)
    .where('application_id', '=', input.applicationId)
    .where('status', '=', 'active')
    .returning('end_reason')
    .executeTakeFirst();
  if (ended) return { outcome: 'ended', endReason: 'chat_ended' };

  const existing = await db
    .selectFrom('sessions')
    .select(['application_id', 'end_reason'])
    .where('id', '=', input.sessionId)
    .executeTakeFirst();
  if (!existing) return { outcome: 'unknown_session' };
  if (existing.application_id !== input.applicationId) return { outcome: 'session_conflict' };
  return { outcome: 'ended', endReason: existing.end_reason ?? 'chat_ended' };
}

/** Number of sessions currently active, across all applications (for /metrics). */
export async function countActiveSessions(db: Db): Promise<number> {
  const row = await db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
