/**
 * The SQL behind each dashboard API read, as the server's repos build it (packages/server/src/repos/
 * session-queries-repo.ts and activity-repo.ts, copied by hand: keep them in step). Timed through `pg` directly on
 * one warm connection, it is the baseline that shows what the server adds around it (HTTP, Hono, the sign-in
 * check and application look-up, kysely, JSON).
 */

/** One statement with its parameters. */
export interface Statement {
  text: string;
  values: unknown[];
}

/** Keyset position after the last item of a page, as the server's cursor holds it (PostgreSQL text). */
export interface Keyset {
  at: string;
  id: string;
  /** Activity only: `prompt` or `session`. */
  kind?: string;
}

/** The API's default `limit`. */
export const PAGE_SIZE = 50;

/** `GET /api/apps/:appId/sessions?status=`: one page, newest first (listSessions). */
export function sessionsPage(appId: string, status: 'all' | 'active' | 'completed', after?: Keyset): Statement {
  const values: unknown[] = [appId];
  const where = ['application_id = $1'];
  if (status !== 'all') where.push(`status = $${values.push(status)}`);
  if (after) where.push(`(started_at, id) < ($${values.push(after.at)}::timestamptz, $${values.push(after.id)})`);
  return {
    text: `select *, started_at::text as cursor_started_at from sessions where ${where.join(' and ')}
      order by started_at desc, id desc limit ${PAGE_SIZE}`,
    values,
  };
}

/**
 * The counts above the list (countSessions): one row of application_counters (kept by triggers; events of
 * active sessions refreshed by the lifecycle sweeper). With at most 2,000 active sessions the server sums their
 * events live instead (exact); the seeded data here has more, so this is the statement it runs.
 */
export function sessionCounts(appId: string): Statement {
  return {
    text: 'select * from application_counters where application_id = $1',
    values: [appId],
  };
}

/**
 * `GET /api/apps/:appId/activity?type=` (listActivity): visitor prompts and started sessions, each side limited
 * through its own index, then merged newest first; ties by (kind, id).
 */
export function activityPage(appId: string, type: 'all' | 'prompts' | 'sessions', after?: Keyset): Statement {
  const values: unknown[] = [appId];
  const before = (atColumn: string, kind: string, idColumn: string) => {
    if (!after) return '';
    const [at, k, id] = [values.push(after.at), values.push(after.kind ?? kind), values.push(after.id)];
    return `and (${atColumn}, '${kind}'::text, ${idColumn}) < ($${at}::timestamptz, $${k}::text, $${id}::text)`;
  };
  const prompts = () => `
    (select 'prompt'::text as kind, m.at, m.at::text as cursor_at, m.id::text as id, m.session_id, m.text,
            greatest(m.timestamp - coalesce(s.first_timestamp, m.timestamp), 0) as offset_ms,
            null::text as landing_url, null::text as status, null::bigint as event_count, m.unanswered
     from messages m left join sessions s on s.id = m.session_id
     where m.application_id = $1 and m.role = 'visitor'
       ${before('m.at', 'prompt', 'm.id::text')}
     order by m.at desc, m.id::text desc limit ${PAGE_SIZE})`;
  const sessions = () => `
    (select 'session'::text as kind, started_at as at, started_at::text as cursor_at, id, id as session_id,
            null::text as text, null::bigint as offset_ms, landing_url, status, event_count, false as unanswered
     from sessions
     where application_id = $1
       ${before('started_at', 'session', 'id')}
     order by started_at desc, id desc limit ${PAGE_SIZE})`;
  const parts = type === 'prompts' ? [prompts()] : type === 'sessions' ? [sessions()] : [prompts(), sessions()];
  return {
    text: `select * from (${parts.join(' union all ')}) feed order by at desc, kind desc, id desc limit ${PAGE_SIZE}`,
    values,
  };
}

/** `GET /api/apps/:appId/activity/chart?range=` (activityChart): hours (24h) or days (30d), empty ones included. */
export function activityChart(appId: string, range: '24h' | '30d'): Statement {
  const [unit, count] = range === '24h' ? (['hour', 24] as const) : (['day', 30] as const);
  return {
    text: `with buckets as (
        select generate_series(
          date_trunc($2, $3::timestamptz) - $4::interval, date_trunc($2, $3::timestamptz), $5::interval) as start
      )
      select b.start, coalesce(sum(h.sessions), 0)::int as sessions, coalesce(sum(h.prompts), 0)::int as prompts
      from buckets b
      left join activity_hours h on h.application_id = $1
        and h.hour >= b.start and h.hour < b.start + $5::interval
      group by b.start order by b.start`,
    values: [appId, unit, new Date(), `${count - 1} ${unit}s`, `1 ${unit}`],
  };
}
