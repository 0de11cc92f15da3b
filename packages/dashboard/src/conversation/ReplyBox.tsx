import type { ChatMessageDto } from '@hindsight/shared';
import { MAX_MESSAGE_LENGTH } from '@hindsight/shared';
import { useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import { formatCount } from '../format/format-duration';
import { FormError } from '../ui/FormError';

interface ReplyBoxProps {
  sessionId: string;
  api: ApiClient;
  /** Called with the stored reply, so the conversation shows it without waiting for the next refresh. */
  onSent(message: ChatMessageDto): void;
}

/** An operator's reply: Enter sends, Shift+Enter starts a new line; the visitor sees it live. */
export function ReplyBox({ sessionId, api, onSent }: ReplyBoxProps) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const trimmed = text.trim();
  const tooLong = text.length > MAX_MESSAGE_LENGTH;

  async function send() {
    if (busy || trimmed === '' || tooLong) return;
    setBusy(true);
    setError(null);
    try {
      const message = await api.send<ChatMessageDto>('POST', `/sessions/${encodeURIComponent(sessionId)}/messages`, {
        text: trimmed,
      });
      setText('');
      onSent(message);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const id = `reply-${sessionId}`;
  return (
    <form
      class="reply-box"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <label for={id}>Reply as an operator</label>
      <textarea
        id={id}
        rows={3}
        value={text}
        maxLength={MAX_MESSAGE_LENGTH}
        aria-describedby={`${id}-hint`}
        onInput={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          // Enter sends; Shift+Enter (and Enter while an input method composes) is a new line.
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            void send();
          }
        }}
      />
      <p class="field-hint" id={`${id}-hint`}>
        Enter sends, Shift+Enter starts a new line. {formatCount(text.length)} / {formatCount(MAX_MESSAGE_LENGTH)}{' '}
        characters. The automatic responder stays quiet for a while after your reply.
      </p>
      <FormError error={error} />
      <div class="form-actions">
        <button type="submit" class="button-primary" disabled={busy || trimmed === '' || tooLong}>
          {busy ? 'Sending…' : 'Send reply'}
        </button>
      </div>
    </form>
  );
}
