import { sql } from 'kysely';
import type { Db } from '../db/database';

/**
 * Deletes up to `limit` sessions of one application that started before `cutoff`, with their chunks (the
 * foreign keys cascade). Bounded, so no giant transaction holds locks that ingest would wait on; rows another
 * sweeper is already deleting are skipped. Returns how many sessions were deleted.
 */
export async function deleteSessionsStartedBefore(
  db: Db,
  applicationId: string,
  cutoff: Date,
  limit: number,
): Promise<number> {
  const result = await sql`
    delete from sessions where id in (
      select id from sessions
      where application_id = ${applicationId} and started_at < ${cutoff}
      order by started_at
      limit ${limit}
      for update skip locked
    )`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Deletes up to `limit` conversations of one application that were never recorded (Global Privacy Control, a
 * failed recorder) and whose last message is older than `cutoff`, with their messages. Recorded ones go with
 * their session (a trigger on sessions). Returns how many.
 */
export async function deleteUnrecordedConversationsBefore(
  db: Db,
  applicationId: string,
  cutoff: Date,
  limit: number,
): Promise<number> {
  const result = await sql<{ id: string }>`
    with expired as (
      delete from conversations where id in (
        select c.id from conversations c
        where c.application_id = ${applicationId} and c.last_message_at < ${cutoff}
          and not exists (select 1 from sessions s where s.id = c.id)
        limit ${limit}
        for update skip locked
      )
      returning id
    ), gone as (
      delete from messages where session_id in (select id from expired)
    )
    select id from expired`.execute(db);
  return result.rows.length;
}
