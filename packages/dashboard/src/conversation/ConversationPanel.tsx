import type { ConversationResponse } from '@hindsight/shared';
import type { ApiClient } from '../api/api-client';
import { Empty, ErrorBanner, Loading } from '../ui/states';
import { useAsync } from '../ui/use-async';
import { useVisibleInterval } from '../ui/use-visible-interval';
import { MessageItem } from './MessageItem';
import { CONVERSATION_REFRESH_MS } from './message-roles';
import { ReplyBox } from './ReplyBox';

export interface ConversationPanelProps {
  sessionId: string;
  api: ApiClient;
  /** The signed-in user holds `conversations.reply`: show the reply box. */
  canReply: boolean;
  /** Clicking a message placed in the recording calls this with its offset (ms from the recording's start). */
  onSeek?: (offsetMs: number) => void;
}

/**
 * A session's chat (`GET /api/sessions/:id/conversation`), oldest first, refreshed every 3 s while the tab is
 * visible, and, for operators, a reply box. Every message is rendered as text.
 */
export function ConversationPanel({ sessionId, api, canReply, onSeek }: ConversationPanelProps) {
  const path = `/sessions/${encodeURIComponent(sessionId)}/conversation`;
  const conversation = useAsync(sessionId, (signal) => api.get<ConversationResponse>(path, { signal }));
  useVisibleInterval(async () => {
    const next = await api.get<ConversationResponse>(path);
    conversation.setData(() => next);
  }, CONVERSATION_REFRESH_MS);

  const messages = conversation.data?.messages ?? [];
  return (
    <section class="conversation" aria-labelledby={`conversation-title-${sessionId}`}>
      <h2 id={`conversation-title-${sessionId}`}>Conversation</h2>
      {conversation.error != null && <ErrorBanner error={conversation.error} onRetry={conversation.reload} />}
      {conversation.data === undefined ? (
        conversation.error == null && <Loading label="Loading the conversation…" />
      ) : messages.length === 0 ? (
        <Empty title="No messages in this session." />
      ) : (
        <ol class="messages" aria-live="polite" aria-relevant="additions">
          {messages.map((message) => (
            <MessageItem key={message.id} message={message} onSeek={onSeek} />
          ))}
        </ol>
      )}
      {canReply && (
        <ReplyBox
          sessionId={sessionId}
          api={api}
          onSent={(message) =>
            conversation.setData((current) =>
              current && !current.messages.some((known) => known.id === message.id)
                ? {
                    ...current,
                    operatorRepliedAt: message.createdAt,
                    messages: [...current.messages, { ...message, unanswered: false, offsetMs: null }],
                  }
                : current,
            )
          }
        />
      )}
    </section>
  );
}
