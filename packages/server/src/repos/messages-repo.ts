import type { Db } from '../db/database';

/** A chat message found in a batch's `hindsight.message` custom events. */
export interface RecordedMessageInput {
  role: string;
  text: string;
  timestamp: number;
  /** Position of its event in the batch: with the batch's seq, the message's identity (retries insert nothing). */
  index: number;
}

/** Keeps a batch's chat messages for the Activity feed; idempotent per (session, seq, index). */
export async function storeRecordedMessages(
  db: Db,
  input: { applicationId: string; sessionId: string; seq: number; receivedAt: Date; messages: RecordedMessageInput[] },
): Promise<void> {
  if (input.messages.length === 0) return;
  // A session whose chat went through the server has its messages already (source 'chat'): the recorded
  // copies only mark the replay's timeline.
  const chatted = await db
    .selectFrom('conversations')
    .select('id')
    .where('id', '=', input.sessionId)
    .executeTakeFirst();
  if (chatted) return;
  await db
    .insertInto('messages')
    .values(
      input.messages.map((m) => ({
        application_id: input.applicationId,
        session_id: input.sessionId,
        role: m.role,
        text: m.text,
        // The client's clock places the message; it is never later than when the server got it.
        at: new Date(Math.min(m.timestamp, input.receivedAt.getTime())),
        timestamp: m.timestamp,
        source_seq: input.seq,
        source_index: m.index,
      })),
    )
    .onConflict((oc) => oc.columns(['session_id', 'source_seq', 'source_index']).doNothing())
    .execute();
}

export async function listSessionMessages(db: Db, sessionId: string) {
  return db
    .selectFrom('messages')
    .select(['id', 'role', 'text', 'timestamp', 'at', 'unanswered', 'author', 'source'])
    .where('session_id', '=', sessionId)
    .orderBy('timestamp')
    .orderBy('id')
    .execute();
}
