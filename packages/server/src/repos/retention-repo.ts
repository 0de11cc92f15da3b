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
