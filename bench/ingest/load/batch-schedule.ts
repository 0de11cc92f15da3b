import { INGEST_BATCH_PATH } from '@hindsight/shared';
import type { FixtureBatch } from '../fixtures';

/** One request to send: the batch and the URL path naming its session and sequence number. */
export interface ScheduledBatch {
  path: string;
  batch: FixtureBatch;
}

interface Slot {
  sessionId: string;
  visit: FixtureBatch[];
  position: number;
}

/**
 * Spreads the recorded page visits over `sessions` concurrent sessions, taken in turn: each session sends its
 * visit's batches in order with its own sequence numbers, then a new session (new id) takes the next visit.
 * Every (session, seq) pair is sent once, so nothing is measured as a duplicate. With more sessions than
 * connections, a session never has two batches in flight, like a real widget.
 *
 * The first sessions start at staggered points of their visit (as if they had begun before the benchmark),
 * so the mix of full snapshots and small incremental batches is the recorded one from the first request.
 */
export function createBatchSchedule(
  visits: readonly FixtureBatch[][],
  options: { sessions: number; sessionPrefix: string; publicKey: string },
) {
  let sessionCount = 0;
  let visitCount = 0;
  const newSessionId = () => `${options.sessionPrefix}_${(sessionCount++).toString(36).padStart(6, '0')}`;
  const nextVisit = () => visits[visitCount++ % visits.length] as FixtureBatch[];
  const slots: Slot[] = Array.from({ length: options.sessions }, (_, i) => {
    const visit = nextVisit();
    return { sessionId: newSessionId(), visit, position: Math.floor(i / visits.length) % visit.length };
  });
  const key = encodeURIComponent(options.publicKey);
  let cursor = 0;

  return {
    next(): ScheduledBatch {
      const slot = slots[cursor] as Slot;
      cursor = (cursor + 1) % slots.length;
      const batch = slot.visit[slot.position] as FixtureBatch;
      const path = `${INGEST_BATCH_PATH}?key=${key}&session=${slot.sessionId}&seq=${batch.seq}`;
      slot.position += 1;
      if (slot.position === slot.visit.length) {
        slot.sessionId = newSessionId();
        slot.visit = nextVisit();
        slot.position = 0;
      }
      return { path, batch };
    },
    /** Sessions started so far (including the initial ones). */
    sessionsStarted: () => sessionCount,
  };
}

export type BatchSchedule = ReturnType<typeof createBatchSchedule>;
