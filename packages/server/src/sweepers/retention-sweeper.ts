import type { Db } from '../db/database';
import { listRetentionPolicies } from '../repos/applications-repo';
import { deleteSessionsStartedBefore, deleteUnrecordedConversationsBefore } from '../repos/retention-repo';

const DAY_MS = 86_400_000;

/**
 * Deletes, for every application, the sessions (with their chunks and conversations) that started more than its
 * retention days before `now`, and chats never recorded whose last message is that old. Works in batches of `batchSize` sessions, each its own short transaction. Returns the count.
 */
export async function sweepRetention(db: Db, now: Date, batchSize: number): Promise<number> {
  let deleted = 0;
  for (const application of await listRetentionPolicies(db)) {
    const cutoff = new Date(now.getTime() - application.retention_days * DAY_MS);
    for (;;) {
      const count = await deleteSessionsStartedBefore(db, application.id, cutoff, batchSize);
      deleted += count;
      if (count < batchSize) break;
    }
    while ((await deleteUnrecordedConversationsBefore(db, application.id, cutoff, batchSize)) === batchSize) {
      // chats that were never recorded expire on the same schedule
    }
  }
  return deleted;
}
