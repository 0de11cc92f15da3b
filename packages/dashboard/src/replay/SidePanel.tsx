import type { RecordedMessage } from '@hindsight/shared';
import type { ComponentChild } from 'preact';
import { formatClock } from './format';
import type { ViewerPage } from './page-visits';
import type { SessionDetail } from './recording-source';
import { SessionFacts } from './SessionFacts';

/**
 * The conversation, the pages visited and the metadata. Clicking a message or a page jumps to its moment.
 * Messages, URLs and titles are recorded text: rendered as text nodes only, never as markup or links.
 */
export function SidePanel(props: {
  session: SessionDetail;
  messages: readonly RecordedMessage[];
  pages: readonly ViewerPage[];
  startTimestamp: number;
  currentMs: number;
  onSeek: (offsetMs: number) => void;
  /** The live conversation (dashboard: with the operator's reply box); without it, the recorded messages. */
  renderConversation?: (onSeek: (offsetMs: number) => void) => ComponentChild;
}) {
  const { session, messages, pages, startTimestamp, currentMs, onSeek, renderConversation } = props;
  return (
    <aside class="hs-side">
      {renderConversation ? (
        renderConversation(onSeek)
      ) : (
        <section aria-labelledby="hs-conversation">
          <h2 id="hs-conversation">Conversation</h2>
          {messages.length === 0 ? (
            <p class="hs-muted">No messages in this session.</p>
          ) : (
            <ol class="hs-list" data-testid="replay-messages">
              {messages.map((message, index) => {
                const offset = message.timestamp - startTimestamp;
                return (
                  <li key={`${message.timestamp}-${index}`}>
                    <button
                      type="button"
                      class={`hs-item hs-item--${message.role === 'visitor' || message.role === 'user' ? 'visitor' : 'agent'}`}
                      aria-current={currentMs >= offset ? 'true' : undefined}
                      data-offset-ms={offset}
                      onClick={() => onSeek(offset)}
                    >
                      <span class="hs-item__meta">
                        {message.role} · {formatClock(offset)}
                      </span>
                      <span class="hs-item__text">{message.text}</span>
                    </button>
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      )}
      <section aria-labelledby="hs-pages">
        <h2 id="hs-pages">Pages</h2>
        {pages.length === 0 ? (
          <p class="hs-muted">No pages loaded yet.</p>
        ) : (
          <ol class="hs-list" data-testid="replay-pages">
            {pages.map((page, index) => {
              const offset = page.timestamp - startTimestamp;
              return (
                <li key={`${page.timestamp}-${index}`}>
                  <button type="button" class="hs-item" data-offset-ms={offset} onClick={() => onSeek(offset)}>
                    <span class="hs-item__meta">{formatClock(offset)}</span>
                    {page.title && <span class="hs-item__text">{page.title}</span>}
                    <span class="hs-item__text hs-url">{page.url}</span>
                  </button>
                </li>
              );
            })}
          </ol>
        )}
      </section>
      <section aria-labelledby="hs-details">
        <h2 id="hs-details">Details</h2>
        <SessionFacts session={session} />
      </section>
    </aside>
  );
}
