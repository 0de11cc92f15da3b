import { CHAT_MESSAGES_PATH, CHAT_UPDATES_PATH, type ChatStreamEvent, type ChatUpdateEvent } from '@hindsight/shared';
import type { ChatContext, ChatTransport } from '../loader/contracts';
import { readEvents } from './read-events';

/**
 * Why a chat request failed (an Error thrown by the transport): decides what the panel says and when Retry may
 * send again. Anything else thrown (a stream cut mid-way, a garbled event) counts as `network`.
 */
export type ChatFailure = Error & {
  kind?: 'network' | 'rate_limit' | 'http';
  status?: number;
  /** 429: the server's Retry-After, in ms. */
  waitMs?: number;
};

/**
 * The chat against the Hindsight server: a send is a CORS-simple POST (a string body goes as text/plain, no
 * credentials: no preflight) answered with server-sent events; updates are a GET answered the same way.
 */
export function createServerTransport({ host, endpoint, appKey }: ChatContext): ChatTransport {
  const request = async (path: string, sessionId: string, init?: RequestInit, after?: string) => {
    const url = `${endpoint}${path}?key=${encodeURIComponent(appKey)}&session=${sessionId}`;
    let response: Response;
    try {
      // No fetch at all throws here: a network failure too.
      response = await host.fetch!(after ? `${url}&after=${after}` : url, { credentials: 'omit', ...init });
    } catch (error) {
      throw Object.assign(new Error(String(error)), { kind: 'network' });
    }
    if (response.ok) return response;
    const { status } = response;
    const body = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
    throw Object.assign(new Error(body?.error?.message ?? `HTTP ${status}`), {
      kind: status === 429 ? 'rate_limit' : 'http',
      status,
      waitMs: Number(response.headers.get('retry-after')) * 1_000 || 0,
    });
  };
  return {
    async send(sessionId, body, onEvent, signal) {
      const response = await request(CHAT_MESSAGES_PATH, sessionId, {
        method: 'POST',
        body: host.stringify(body),
        signal,
      });
      await readEvents(response.body as ReadableStream<Uint8Array>, (event, data) =>
        onEvent({ event, data: JSON.parse(data) } as ChatStreamEvent),
      );
    },
    async watch(sessionId, after, onMessages, signal) {
      const response = await request(CHAT_UPDATES_PATH, sessionId, { signal }, after);
      await readEvents(response.body as ReadableStream<Uint8Array>, (event, data) => {
        if (event !== 'messages') return;
        const { messages, complete } = JSON.parse(data) as ChatUpdateEvent['data'];
        onMessages(messages, complete);
      });
    },
  };
}
