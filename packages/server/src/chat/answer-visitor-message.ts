import type { ChatStreamEvent, MessageRole } from '@hindsight/shared';
import type { AppDeps } from '../app-env';
import type { ConversationRow, MessageRow } from '../db/schema';
import { addReply, listChatMessages, markUnanswered } from '../repos/conversations-repo';
import { findResponderSettings } from '../repos/responder-settings-repo';
import { chooseResponder } from './choose-responder';
import { toChatMessage } from './to-chat-message';

/** What the visitor reads when the responder fails: they may send again; the team sees the flagged prompt. */
export const FRIENDLY_FAILURE = "Sorry, I couldn't answer just now. Please try again in a moment.";
const DEFAULT_TIMEOUT_S = 30;
const DEFAULT_QUIET_MINUTES = 10;
/** A runaway model must not grow a reply without bound. */
const MAX_REPLY_CHARS = 8_000;

/**
 * Answers a stored visitor message with the application's responder, telling `emit` as it goes. It never
 * throws and never stops because the visitor went away: the reply is stored complete either way. A failure
 * (timeout, error, garbage) flags the prompt and ends with an `error` event.
 */
export async function answerVisitorMessage(
  deps: Pick<AppDeps, 'db' | 'clock' | 'secrets' | 'logger'>,
  input: { conversation: ConversationRow; visitorMessage: MessageRow },
  emit: (event: ChatStreamEvent) => void,
): Promise<void> {
  const { db, clock, logger } = deps;
  const { conversation, visitorMessage } = input;
  try {
    const settings = await findResponderSettings(db, conversation.application_id);
    const quietMs = (settings?.operator_quiet_minutes ?? DEFAULT_QUIET_MINUTES) * 60_000;
    if (conversation.operator_replied_at && clock().getTime() - conversation.operator_replied_at.getTime() < quietMs) {
      emit({ event: 'quiet', data: {} });
      return;
    }
    const history = await listChatMessages(db, { sessionId: conversation.id, limit: 200 });
    const signal = AbortSignal.timeout((settings?.timeout_seconds ?? DEFAULT_TIMEOUT_S) * 1_000);
    const reply = await chooseResponder(settings, deps).reply({
      applicationId: conversation.application_id,
      sessionId: conversation.id,
      messages: history
        .filter((m) => m.id <= visitorMessage.id)
        .map((m) => ({ role: m.role as MessageRole, text: m.text, createdAt: m.at })),
      signal,
    });
    let text = '';
    for await (const delta of reply.deltas) {
      if (signal.aborted) throw new Error('the responder timed out');
      const piece = delta.slice(0, MAX_REPLY_CHARS - text.length);
      text += piece;
      if (piece) emit({ event: 'delta', data: { text: piece } });
      if (text.length >= MAX_REPLY_CHARS) break;
    }
    if (text.trim() === '') throw new Error('the responder sent an empty reply');
    const stored = await addReply(db, { conversation, role: 'assistant', text, now: clock() });
    if (reply.unanswered) await markUnanswered(db, visitorMessage.id);
    emit({ event: 'reply', data: toChatMessage(stored) });
  } catch (error) {
    // The reason goes to the log (never a secret: responders name the status, not the key); the visitor
    // gets a friendly message and can try again.
    logger.warn('chat responder failed', { sessionId: conversation.id, error: String(error) });
    await markUnanswered(db, visitorMessage.id).catch(() => undefined);
    emit({ event: 'error', data: { code: 'responder_failed', message: FRIENDLY_FAILURE } });
  }
}
