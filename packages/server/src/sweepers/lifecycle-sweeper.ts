import type { LifecycleConfig } from '../config';
import type { Db } from '../db/database';
import { type CompletedSession, completeDueSessions } from '../repos/lifecycle-repo';

/** Sessions completed per statement: bounded so one sweep never holds many row locks at once. */
export const LIFECYCLE_BATCH_SIZE = 500;

/** Completes every active session that is due (left, idle, max_duration) as of `now`; returns them. */
export async function sweepSessionLifecycle(db: Db, rules: LifecycleConfig, now: Date): Promise<CompletedSession[]> {
  const completed: CompletedSession[] = [];
  for (;;) {
    const batch = await completeDueSessions(db, rules, now, LIFECYCLE_BATCH_SIZE);
    completed.push(...batch);
    if (batch.length < LIFECYCLE_BATCH_SIZE) return completed;
  }
}
