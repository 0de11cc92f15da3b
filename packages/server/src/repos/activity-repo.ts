import type { ActivityFilter, ChartRange } from '@hindsight/shared';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database';

/** Position in the feed: the last item's time (PostgreSQL text, exact), kind and id. */
export interface ActivityCursor {
  at: string;
  kind: 'prompt' | 'session';
  id: string;
}

export interface ActivityRow {
  kind: 'prompt' | 'session';
  at: Date;
  cursor_at: string;
  id: string;
  session_id: string;
  text: string | null;
  offset_ms: number | null;
  landing_url: string | null;
  status: 'active' | 'completed' | null;
  event_count: number | null;
  unanswered: boolean;
}

/**
 * Prompts (visitor messages) and started sessions, newest first. Each side is read through its own index,
 * limited, then merged: the cost does not grow with the application's history.
 */
export async function listActivity(
  db: Db,
  input: { applicationId: string; type: ActivityFilter; after?: ActivityCursor; limit: number },
): Promise<ActivityRow[]> {
  const { applicationId, limit, after } = input;
  // Ties on time are ordered by kind then id, the same in both halves: (at, kind, id) descending.
  const before = (atColumn: RawBuilder<unknown>, kind: string, idColumn: RawBuilder<unknown>) =>
    after
      ? sql`and (${atColumn}, ${kind}::text, ${idColumn}) < (${after.at}::timestamptz, ${after.kind}::text, ${after.id}::text)`
      : sql``;
  const prompts = sql`
    (select 'prompt'::text as kind, m.at, m.at::text as cursor_at, m.id::text as id, m.session_id, m.text,
            greatest(m.timestamp - coalesce(s.first_timestamp, m.timestamp), 0) as offset_ms,
            null::text as landing_url, null::text as status, null::bigint as event_count, m.unanswered
     from messages m left join sessions s on s.id = m.session_id
     where m.application_id = ${applicationId} and m.role = 'visitor'
       ${before(sql.ref('m.at'), 'prompt', sql`m.id::text`)}
     order by m.at desc, m.id::text desc limit ${limit})`;
  const sessions = sql`
    (select 'session'::text as kind, started_at as at, started_at::text as cursor_at, id, id as session_id,
            null::text as text, null::bigint as offset_ms, landing_url, status, event_count, false as unanswered
     from sessions
     where application_id = ${applicationId}
       ${before(sql.ref('started_at'), 'session', sql`id`)}
     order by started_at desc, id desc limit ${limit})`;
  const parts = input.type === 'prompts' ? [prompts] : input.type === 'sessions' ? [sessions] : [prompts, sessions];
  const result = await sql<ActivityRow>`
    select * from (${sql.join(parts, sql` union all `)}) feed
    order by at desc, kind desc, id desc limit ${limit}`.execute(db);
  return result.rows;
}

/** Sessions and prompts per hour (24 h) or per day (30 d) up to `now`, oldest first, empty buckets included. */
export async function activityChart(db: Db, input: { applicationId: string; range: ChartRange; now: Date }) {
  const [unit, count] = input.range === '24h' ? (['hour', 24] as const) : (['day', 30] as const);
  const result = await sql<{ start: Date; sessions: number; prompts: number }>`
    with buckets as (
      select generate_series(
        date_trunc(${unit}, ${input.now}::timestamptz) - ${`${count - 1} ${unit}s`}::interval,
        date_trunc(${unit}, ${input.now}::timestamptz),
        ${`1 ${unit}`}::interval) as start
    )
    select b.start, coalesce(sum(h.sessions), 0)::int as sessions, coalesce(sum(h.prompts), 0)::int as prompts
    from buckets b
    left join activity_hours h on h.application_id = ${input.applicationId}
      and h.hour >= b.start and h.hour < b.start + ${`1 ${unit}`}::interval
    group by b.start order by b.start`.execute(db);
  return result.rows;
}
