import type { ChatMessageDto } from '@hindsight/shared';
import type { ChatMessage } from '../loader/contracts';

/**
 * Merges messages from the server into the tab's copy. `complete`: `server` is the whole conversation (the
 * source of truth: stored messages it lacks are dropped); otherwise it holds new messages only (a poll, a
 * streamed reply). A visitor message not yet known to be stored matches the server's copy by its client id (by
 * text only where the server gives none), so a message sent just before a navigation is not shown (or recorded)
 * twice, and of two sent with the same text the right one is confirmed; one the server never got stays (last,
 * when the whole conversation is given), to retry.
 * `added` are the messages this tab had not seen: the caller records them.
 */
export function mergeMessages(
  local: ChatMessage[],
  server: ChatMessageDto[],
  complete: boolean,
): { messages: ChatMessage[]; added: ChatMessage[] } {
  const pending = local.filter((m) => !m.id);
  const messages = complete ? [] : [...local];
  const added: ChatMessage[] = [];
  for (const dto of server) {
    const seen = (complete ? local : messages).find((m) => m.id === dto.id);
    if (seen) {
      if (complete) messages.push(seen);
      continue;
    }
    const index = pending.findIndex((m) =>
      dto.clientId ? m.clientId === dto.clientId : m.role === dto.role && m.text === dto.text,
    );
    const [match] = index < 0 ? [] : pending.splice(index, 1);
    const message: ChatMessage = match
      ? { ...match, id: dto.id }
      : { role: dto.role, text: dto.text, at: Date.parse(dto.createdAt), id: dto.id };
    if (dto.author) message.author = dto.author;
    if (dto.clientId) message.clientId = dto.clientId;
    if (!match) added.push(message);
    // New messages go last; a confirmed one keeps its place (unless the whole conversation is given).
    if (match && !complete) messages[messages.indexOf(match)] = message;
    else messages.push(message);
  }
  return { messages: complete ? [...messages, ...pending] : messages, added };
}
