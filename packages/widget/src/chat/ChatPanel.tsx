import { MAX_MESSAGE_LENGTH } from '@hindsight/shared';
import { Component, createRef } from 'preact';
import type { ChatContext, ChatMessage } from '../loader/contracts';
import type { Conversation } from './create-conversation';

interface ChatPanelProps {
  ctx: ChatContext;
  conversation: Conversation;
  visible: boolean;
  /** Focus the composer when the panel shows (not for a panel restored on a new page). */
  focus: boolean;
}

/** One message. A reply still streaming in is `data-hs=reply` (aria-busy), not yet a message. */
function Bubble({ message, streaming }: { message: ChatMessage; streaming?: boolean }) {
  return (
    <div
      data-hs={streaming ? 'reply' : 'message'}
      data-role={message.role}
      class={`hs-msg hs-${message.role}`}
      aria-busy={streaming ? 'true' : undefined}
    >
      {message.author && <b>{message.author}</b>}
      {message.text}
    </div>
  );
}

/**
 * The chat panel: message list, composer, end chat, the streaming reply, and errors with Retry. It renders the
 * conversation's state and redraws on each change (each piece of a streamed reply); Preact keeps the nodes of
 * messages already shown, so a redraw changes only what changed, in the page and in the recording. Every text
 * from a message is rendered as text, never as HTML. The composer is uncontrolled: typing re-renders nothing.
 */
export class ChatPanel extends Component<ChatPanelProps> {
  private input = createRef<HTMLTextAreaElement>();
  private unsubscribe?: () => void;

  override componentDidMount() {
    this.unsubscribe = this.props.conversation.subscribe(() => this.forceUpdate());
  }

  override componentWillUnmount() {
    this.unsubscribe?.();
  }

  override componentDidUpdate(previous: ChatPanelProps) {
    // The panel is fixed in the viewport: nothing to scroll into view (and no layout to force for it).
    if (this.props.visible && !previous.visible && this.props.focus) this.input.current?.focus({ preventScroll: true });
  }

  private submit = (event: Event) => {
    event.preventDefault();
    const input = this.input.current;
    const text = input?.value.trim();
    if (!input || !text || this.props.conversation.state().reply !== undefined) return;
    input.value = '';
    void this.props.conversation.send(text);
  };

  private onInputKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.shiftKey) this.submit(event);
  };

  /** Escape closes the panel from wherever the focus is in it. */
  private onPanelKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') this.props.ctx.close();
  };

  override render({ ctx, conversation, visible }: ChatPanelProps) {
    const { messages, reply, error } = conversation.state();
    return (
      <div
        data-hs="panel"
        role="dialog"
        aria-label={ctx.title}
        hidden={!visible}
        style={{ '--hs-accent': ctx.accent }}
        onKeyDown={this.onPanelKeyDown}
      >
        <div class="hs-head">
          <span class="hs-title">{ctx.title}</span>
          <button type="button" data-hs="end" onClick={ctx.end}>
            End chat
          </button>
          <button type="button" data-hs="close" aria-label="Close chat" onClick={ctx.close}>
            ✕
          </button>
        </div>
        <div class="hs-list">
          <div class="hs-log" role="log" aria-live="polite">
            <div class="hs-msg hs-system">{ctx.greeting}</div>
            {messages.map((message, index) => (
              <Bubble key={message.clientId ?? message.id ?? index} message={message} />
            ))}
            {reply && <Bubble message={{ role: 'assistant', text: reply, at: 0 }} streaming />}
            {reply === '' && <div class="hs-note">…</div>}
            {error && (
              <div class="hs-error" role="alert" data-hs="error">
                {`${error} `}
                <button type="button" data-hs="retry" onClick={conversation.retry}>
                  Retry
                </button>
              </div>
            )}
          </div>
        </div>
        <form class="hs-form" onSubmit={this.submit}>
          <textarea
            data-hs="input"
            rows={1}
            maxLength={MAX_MESSAGE_LENGTH}
            placeholder="Type a message…"
            aria-label="Message"
            onKeyDown={this.onInputKeyDown}
            ref={this.input}
          />
          <button type="submit" data-hs="send" disabled={reply !== undefined}>
            Send
          </button>
        </form>
      </div>
    );
  }
}
