import { type ConversationResponse, MAX_MESSAGE_LENGTH, type MessageRole } from '@hindsight/shared';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { toChatMessage } from '../../chat/to-chat-message';
import { HttpError } from '../../http/http-error';
import { addReply, findConversation, openConversation } from '../../repos/conversations-repo';
import { listSessionMessages } from '../../repos/messages-repo';
import { findSession } from '../../repos/session-queries-repo';
import { readJsonObject } from './read-input';
import { recordAudit } from './record-audit';
import { sessionIdFromParam } from './session-param';

/** A session's conversation for the dashboard, and operator replies (conversations.reply). */
export function createConversationRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get('/api/sessions/:id/conversation', async (c) => {
    const { sessionId } = await sessionIdFromParam(c, 'recordings.view');
    const { db } = c.var.deps;
    const [conversation, messages, session] = await Promise.all([
      findConversation(db, sessionId),
      listSessionMessages(db, sessionId),
      findSession(db, sessionId),
    ]);
    // Offsets count from the recording's first event, as the replay's clock does (none without a recording).
    const first = session?.first_timestamp ?? Number.NaN;
    const body: ConversationResponse = {
      sessionId,
      operatorRepliedAt: conversation?.operator_replied_at?.toISOString() ?? null,
      messages: messages.map((m) => ({
        id: String(m.id),
        role: m.role as MessageRole,
        text: m.text,
        createdAt: m.at.toISOString(),
        ...(m.author ? { author: m.author } : {}),
        unanswered: m.unanswered,
        offsetMs: Number.isFinite(first) ? Math.max(0, m.timestamp - first) : null,
      })),
    };
    return c.json(body);
  });

  routes.post('/api/sessions/:id/messages', async (c) => {
    const { sessionId, applicationId, principal } = await sessionIdFromParam(c, 'conversations.reply');
    const { db, clock } = c.var.deps;
    const body = await readJsonObject(c);
    const text = typeof body.text === 'string' ? body.text.trim() : '';
    if (text === '' || text.length > MAX_MESSAGE_LENGTH) {
      throw new HttpError(400, 'invalid_message', `A reply has 1 to ${MAX_MESSAGE_LENGTH} characters.`);
    }
    const now = clock();
    const conversation = await openConversation(db, { sessionId, applicationId, visitorId: null, now });
    if (!conversation) throw new HttpError(409, 'session_conflict', 'This session belongs to another application.');
    const message = await addReply(db, { conversation, role: 'operator', text, author: principal.name, now });
    await recordAudit(c, 'conversation.replied', {
      applicationId,
      sessionId,
      details: { messageId: String(message.id) },
    });
    return c.json(toChatMessage(message), 201);
  });

  return routes;
}
