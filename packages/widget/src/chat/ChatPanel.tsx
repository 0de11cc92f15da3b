import { Component } from 'preact';
import type { ChatContext, ChatMessage } from '../loader/contracts';

interface State {
  draft: string;
  sending: boolean;
  error: string | null;
  failedText: string | null;
}

/** The chat: message list, composer, end chat. Every text from a message is rendered as text, never as HTML. */
export class ChatPanel extends Component<{ ctx: ChatContext; visible: boolean }, State> {
  override state: State = { draft: '', sending: false, error: null, failedText: null };
  private list: HTMLDivElement | null = null;
  private input: HTMLTextAreaElement | null = null;
  private unsubscribe: (() => void) | undefined;

  override componentDidMount() {
    this.unsubscribe = this.props.ctx.subscribe(() => this.forceUpdate());
    this.input?.focus();
  }
  override componentWillUnmount() {
    this.unsubscribe?.();
  }
  override componentDidUpdate(previous: { visible: boolean }) {
    if (this.list) this.list.scrollTop = this.list.scrollHeight;
    if (this.props.visible && !previous.visible) this.input?.focus();
  }

  private async send(text: string) {
    if (!text.trim() || this.state.sending) return;
    this.setState({ sending: true, error: null, failedText: null, draft: '' });
    try {
      await this.props.ctx.sendVisitorMessage(text);
      this.setState({ sending: false });
    } catch {
      this.setState({ sending: false, error: 'Your message could not be sent.', failedText: text });
    }
  }

  private onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void this.send(this.state.draft);
    } else if (event.key === 'Escape') {
      this.props.ctx.close();
    }
  };

  render({ ctx, visible }: { ctx: ChatContext; visible: boolean }, state: State) {
    const messages: ChatMessage[] = ctx.messages();
    return (
      <div data-hs="panel" role="dialog" aria-label={ctx.title} hidden={!visible}>
        <div class="hs-head">
          <span class="hs-title">{ctx.title}</span>
          <button type="button" data-hs="end" onClick={() => ctx.end()}>
            End chat
          </button>
          <button type="button" data-hs="close" aria-label="Close chat" onClick={() => ctx.close()}>
            ✕
          </button>
        </div>
        <div
          class="hs-list"
          role="log"
          aria-live="polite"
          ref={(element) => {
            this.list = element;
          }}
        >
          <div class="hs-msg hs-system">{ctx.greeting}</div>
          {messages.map((message, index) => (
            <div key={index} data-hs="message" data-role={message.role} class={`hs-msg hs-${message.role}`}>
              {message.text}
            </div>
          ))}
          {state.sending && <div class="hs-note">Sending…</div>}
          {state.error && (
            <div class="hs-error" role="alert">
              {state.error}{' '}
              <button type="button" onClick={() => this.send(state.failedText ?? '')}>
                Retry
              </button>
            </div>
          )}
        </div>
        <form
          class="hs-form"
          onSubmit={(event) => {
            event.preventDefault();
            void this.send(state.draft);
          }}
        >
          <textarea
            data-hs="input"
            rows={1}
            maxLength={4000}
            placeholder="Type a message…"
            aria-label="Message"
            value={state.draft}
            onInput={(event) => this.setState({ draft: (event.currentTarget as HTMLTextAreaElement).value })}
            onKeyDown={this.onKeyDown}
            ref={(element) => {
              this.input = element;
            }}
          />
          <button type="submit" data-hs="send" disabled={state.sending || !state.draft.trim()}>
            Send
          </button>
        </form>
      </div>
    );
  }
}
