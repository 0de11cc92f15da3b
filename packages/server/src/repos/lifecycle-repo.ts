import type { EndReason } from '@hindsight/shared';
import { sql } from 'kysely';
import type { LifecycleConfig } from '../config';
import type { Db } from '../db/database';

export interface CompletedSession {
  id: string;
  applicationId: string;
  endReason: Exclude<EndReason, 'chat_ended'>;
}

/**
 * Completes up to `limit` active sessions that are due, each with the reason that came due first:
 * `left` (a pagehide flush and nothing after it within the grace window), `idle` (no batch for the idle
 * timeout) or `max_duration`. `ended_at` is when the session really ended (the pagehide, the last activity,
 * or the duration cap), not when the sweep noticed.
 *
 * Safe with several sweepers and concurrent ingest: rows are claimed with FOR UPDATE SKIP LOCKED and
 * re-checked under the lock (PostgreSQL re-evaluates the WHERE on the newest row version), so a session that
 * just received a batch is not completed, and no session is completed twice.
 */
export async function completeDueSessions(
  db: Db,
  rules: Pick<LifecycleConfig, 'idleTimeoutMs' | 'pagehideGraceMs' | 'maxDurationMs'>,
  now: Date,
  limit: number,
): Promise<CompletedSession[]> {
  const idle = sql`(${rules.idleTimeoutMs} * interval '1 millisecond')`;
  const grace = sql`(${rules.pagehideGraceMs} * interval '1 millisecond')`;
  const max = sql`(${rules.maxDurationMs} * interval '1 millisecond')`;
  const at = sql`${now}::timestamptz`;
  const { rows } = await sql<{ id: string; application_id: string; end_reason: CompletedSession['endReason'] }>`
    with due as (
      select id,
        case
          when pagehide_at is not null
            and pagehide_at + ${grace} <= least(last_activity_at + ${idle}, started_at + ${max}) then 'left'
          when last_activity_at + ${idle} <= started_at + ${max} then 'idle'
          else 'max_duration'
        end as reason
      from sessions
      where status = 'active'
        and (pagehide_at <= ${at} - ${grace}
          or last_activity_at <= ${at} - ${idle}
          or started_at <= ${at} - ${max})
      order by last_activity_at
      limit ${limit}
      for update skip locked
    )
    update sessions set
      status = 'completed',
      end_reason = due.reason,
      ended_at = case due.reason
        when 'left' then sessions.pagehide_at
        when 'idle' then sessions.last_activity_at
        else sessions.started_at + ${max}
      end,
      pagehide_at = null
    from due
    where sessions.id = due.id
    returning sessions.id, sessions.application_id, sessions.end_reason`.execute(db);
  return rows.map((row) => ({ id: row.id, applicationId: row.application_id, endReason: row.end_reason }));
}
