import type { ChatUpdateEvent } from '@hindsight/shared';
import type { Db } from '../db/database';
import { listChatMessages } from '../repos/conversations-repo';
import type { MessageNotifier } from './message-notifier';
import { toChatMessage } from './to-chat-message';

/** A comment line this often keeps proxies and load balancers from closing a quiet stream. */
export const PING_INTERVAL_MS = 25_000;
/** A stream ends after this long (the widget opens the next): no connection is held for ever. */
export const MAX_STREAM_MS = 5 * 60_000;
const PAGE_SIZE = 500;

export interface UpdatesStreamInput {
  db: Db;
  notifier: MessageNotifier;
  sessionId: string;
  applicationId: string;
  /** The newest message id the widget has (0: none, it gets the whole conversation, `complete`). */
  afterId: number;
  complete: boolean;
}

/**
 * The body of `GET /chat/v1/updates`: the messages after `afterId` at once, then each new one as it is stored
 * (the notifier wakes it; several wakes during one read make one more read). A database error ends the stream:
 * the widget opens another, after its newest message, so nothing is skipped.
 */
export function createUpdatesStream(input: UpdatesStreamInput): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let afterId = input.afterId;
  let first = true;
  let reading = false;
  let readAgain = false;
  let open = true;
  let stop: () => void = () => undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let ping: NodeJS.Timeout | undefined;
      let limit: NodeJS.Timeout | undefined;
      let unsubscribe: () => void = () => undefined;
      stop = () => {
        open = false;
        unsubscribe();
        clearInterval(ping);
        clearTimeout(limit);
      };
      const end = () => {
        if (!open) return;
        stop();
        controller.close();
      };
      const write = (text: string) => {
        if (open) controller.enqueue(encoder.encode(text));
      };
      const read = async () => {
        if (reading) return void (readAgain = true);
        reading = true;
        try {
          do {
            readAgain = false;
            const rows = await listChatMessages(input.db, {
              sessionId: input.sessionId,
              applicationId: input.applicationId,
              afterId,
              limit: PAGE_SIZE,
            });
            if (rows.length > 0 || first) {
              const event: ChatUpdateEvent = {
                event: 'messages',
                data: {
                  messages: rows.map(toChatMessage),
                  complete: first && input.complete && rows.length < PAGE_SIZE,
                },
              };
              write(`event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`);
            }
            first = false;
            afterId = rows.at(-1)?.id ?? afterId;
            if (rows.length === PAGE_SIZE) readAgain = true;
          } while (readAgain && open);
        } catch {
          end();
        } finally {
          reading = false;
        }
      };
      // Subscribed before the first read: a message stored while it runs wakes a second one.
      unsubscribe = input.notifier.subscribe(input.sessionId, { wake: () => void read(), closed: end });
      if (!open) return; // shutting down
      ping = setInterval(() => write(': ping\n\n'), PING_INTERVAL_MS);
      limit = setTimeout(end, MAX_STREAM_MS);
      void read();
    },
    cancel() {
      stop();
    },
  });
}
