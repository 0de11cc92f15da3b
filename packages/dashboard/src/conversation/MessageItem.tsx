import type { ConversationResponse } from '@hindsight/shared';
import { formatDuration } from '../format/format-duration';
import { TimeAgo } from '../ui/TimeAgo';
import { MESSAGE_ROLE_LABELS } from './message-roles';

export type ConversationMessage = ConversationResponse['messages'][number];

/**
 * One message: who wrote it, when, whether it went unanswered, and its text (rendered as text, never HTML). When
 * the message has a place in the recording, the whole message is a button that seeks the replay there.
 */
export function MessageItem({
  message,
  onSeek,
}: {
  message: ConversationMessage;
  onSeek?: (offsetMs: number) => void;
}) {
  const offsetMs = message.offsetMs;
  const seekable = onSeek !== undefined && offsetMs !== null;
  const body = (
    <>
      <span class="message-meta">
        <span class="message-role">{MESSAGE_ROLE_LABELS[message.role] ?? message.role}</span>
        {message.author && <span class="message-author">{message.author}</span>}
        <TimeAgo iso={message.createdAt} />
        {offsetMs !== null && <span class="muted">at {formatDuration(offsetMs)}</span>}
        {message.unanswered && <span class="badge badge-unanswered">Unanswered</span>}
      </span>
      <span class="message-text">{message.text}</span>
    </>
  );
  return (
    <li class={`message message-${message.role}`} data-message-id={message.id}>
      {seekable ? (
        <button
          type="button"
          class="message-seek"
          title={`Show the replay at ${formatDuration(offsetMs)}`}
          onClick={() => onSeek(offsetMs)}
        >
          {body}
        </button>
      ) : (
        <div class="message-static">{body}</div>
      )}
    </li>
  );
}
