import type { MessageRole } from '@hindsight/shared';
import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { ConversationRow, MessageRow } from '../db/schema';

/**
 * Finds or starts the conversation of a session id for an application. Answers undefined when the id belongs to
 * another application (as a conversation or as a recorded session).
 */
export async function openConversation(
  db: Db,
  input: { sessionId: string; applicationId: string; visitorId: string | null; now: Date },
): Promise<ConversationRow | undefined> {
  const recorded = await db
    .selectFrom('sessions')
    .select('application_id')
    .where('id', '=', input.sessionId)
    .executeTakeFirst();
  if (recorded && recorded.application_id !== input.applicationId) return undefined;
  const row = await db
    .insertInto('conversations')
    .values({
      id: input.sessionId,
      application_id: input.applicationId,
      visitor_id: input.visitorId,
      created_at: input.now,
      last_message_at: input.now,
    })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet({ last_message_at: sql`greatest(conversations.last_message_at, excluded.last_message_at)` }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return row.application_id === input.applicationId ? row : undefined;
}

export async function findConversation(db: Db, sessionId: string): Promise<ConversationRow | undefined> {
  return db.selectFrom('conversations').selectAll().where('id', '=', sessionId).executeTakeFirst();
}

/** Stores a visitor message once per client id: a retried send answers the stored one (`created: false`). */
export async function addVisitorMessage(
  db: Db,
  input: { conversation: ConversationRow; text: string; clientId: string; timestamp: number; now: Date },
): Promise<{ message: MessageRow; created: boolean }> {
  const inserted = await db
    .insertInto('messages')
    .values({
      application_id: input.conversation.application_id,
      session_id: input.conversation.id,
      role: 'visitor',
      text: input.text,
      at: input.now,
      timestamp: input.timestamp,
      source: 'chat',
      client_id: input.clientId,
    })
    .onConflict((oc) => oc.columns(['session_id', 'client_id']).where('client_id', 'is not', null).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { message: inserted, created: true };
  const existing = await db
    .selectFrom('messages')
    .selectAll()
    .where('session_id', '=', input.conversation.id)
    .where('client_id', '=', input.clientId)
    .executeTakeFirstOrThrow();
  return { message: existing, created: false };
}

/** Stores an automatic or operator reply; an operator's also quiets the automatic responder for a while. */
export async function addReply(
  db: Db,
  input: {
    conversation: ConversationRow;
    role: Extract<MessageRole, 'assistant' | 'operator'>;
    text: string;
    author?: string;
    now: Date;
  },
): Promise<MessageRow> {
  const message = await db
    .insertInto('messages')
    .values({
      application_id: input.conversation.application_id,
      session_id: input.conversation.id,
      role: input.role,
      text: input.text,
      at: input.now,
      timestamp: input.now.getTime(),
      source: 'chat',
      author: input.author ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .updateTable('conversations')
    .set({
      last_message_at: input.now,
      ...(input.role === 'operator' ? { operator_replied_at: input.now } : {}),
    })
    .where('id', '=', input.conversation.id)
    .execute();
  return message;
}

export async function markUnanswered(db: Db, messageId: number): Promise<void> {
  await db.updateTable('messages').set({ unanswered: true }).where('id', '=', messageId).execute();
}

/**
 * The chat's messages after `afterId` (all without it), oldest first; with `applicationId`, only that
 * application's (a stream opened before its conversation existed must not read another application's).
 */
export async function listChatMessages(
  db: Db,
  query: { sessionId: string; afterId?: number; limit?: number; applicationId?: string },
): Promise<MessageRow[]> {
  let select = db
    .selectFrom('messages')
    .selectAll()
    .where('session_id', '=', query.sessionId)
    .where('source', '=', 'chat')
    .where('id', '>', query.afterId ?? 0);
  if (query.applicationId) select = select.where('application_id', '=', query.applicationId);
  return select
    .orderBy('id')
    .limit(query.limit ?? 500)
    .execute();
}

/** A reply stored after the visitor message `messageId` (a retried send gets it instead of a second answer). */
export async function findReplyAfter(db: Db, sessionId: string, messageId: number): Promise<MessageRow | undefined> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('source', '=', 'chat')
    .where('id', '>', messageId)
    .where('role', 'in', ['assistant', 'operator'])
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}
