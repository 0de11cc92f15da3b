import type { SessionFilter } from '@hindsight/shared';
import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { SessionRow } from '../db/schema';

/** A list page's position: the last row's exact start time (text keeps PostgreSQL's microseconds) and id. */
export interface SessionCursor {
  startedAt: string;
  id: string;
}

export type ListedSession = SessionRow & { cursor_started_at: string };

export interface SessionListQuery {
  applicationId: string;
  status: SessionFilter;
  /** A visitor id (exact) or a piece of the landing URL. */
  search?: string;
  after?: SessionCursor;
  limit: number;
}

/** Newest first, keyset-paginated on (started_at, id): every page costs the same, however deep. */
export async function listSessions(db: Db, q: SessionListQuery): Promise<ListedSession[]> {
  let query = db
    .selectFrom('sessions')
    .selectAll()
    .select(sql<string>`started_at::text`.as('cursor_started_at'))
    .where('application_id', '=', q.applicationId)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit);
  if (q.status !== 'all') query = query.where('status', '=', q.status);
  if (q.after) {
    const { startedAt, id } = q.after;
    query = query.where(sql<boolean>`(started_at, id) < (${startedAt}::timestamptz, ${id})`);
  }
  if (q.search) {
    const pattern = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const search = q.search;
    query = query.where((eb) => eb.or([eb('visitor_id', '=', search), eb('landing_url', 'ilike', pattern)]));
  }
  return query.execute();
}

/** Up to this many active sessions, their events are summed live (exact); beyond, the swept counter is used. */
const LIVE_SUM_MAX_ACTIVE = 2_000;

/** Total / active / completed sessions and events of an application, from the trigger-kept counters. */
export async function countSessions(db: Db, applicationId: string) {
  const counters = await db
    .selectFrom('application_counters')
    .selectAll()
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
  if (!counters) return { total: 0, active: 0, completed: 0, events: 0 };
  // Active sessions' event counts move with every batch, so no counter row can follow them without becoming
  // the hot spot of ingest: few active sessions are summed now; many use the sweeper's snapshot (<= 15 s old).
  let activeEvents = counters.active_events;
  if (counters.active <= LIVE_SUM_MAX_ACTIVE) {
    const live = await db
      .selectFrom('sessions')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('event_count'), sql<number>`0`).as('events'))
      .where('application_id', '=', applicationId)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    activeEvents = Number(live.events);
  }
  return {
    total: counters.sessions,
    active: counters.active,
    completed: counters.sessions - counters.active,
    events: counters.completed_events + activeEvents,
  };
}

/** Sets every application's active-events counter to the live sum (the lifecycle sweeper calls it). */
export async function refreshActiveEvents(db: Db): Promise<void> {
  await sql`
    update application_counters c set active_events = coalesce(s.events, 0)
    from application_counters c2
    left join (select application_id, sum(event_count) as events from sessions where status = 'active' group by 1) s
      on s.application_id = c2.application_id
    where c.application_id = c2.application_id and c.active_events is distinct from coalesce(s.events, 0)`.execute(db);
}

export async function findSession(db: Db, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listChunkInfo(db: Db, sessionId: string) {
  return db
    .selectFrom('chunks')
    .select([
      'seq',
      'first_timestamp',
      'last_timestamp',
      'event_count',
      'raw_bytes',
      sql<number>`octet_length(data)`.as('compressed_bytes'),
    ])
    .where('session_id', '=', sessionId)
    .orderBy('seq')
    .execute();
}

/** Stored chunk bodies after `afterSeq`, in sequence order. */
export async function readChunks(db: Db, input: { sessionId: string; afterSeq: number; limit: number }) {
  return db
    .selectFrom('chunks')
    .select(['seq', 'data'])
    .where('session_id', '=', input.sessionId)
    .where('seq', '>', input.afterSeq)
    .orderBy('seq')
    .limit(input.limit)
    .execute();
}

/** Erases one session with its chunks and messages. */
export async function deleteSession(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('sessions').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Erases every session of a visitor in an application; answers how many. */
export async function deleteVisitorSessions(db: Db, applicationId: string, visitorId: string): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('application_id', '=', applicationId)
    .where('visitor_id', '=', visitorId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
