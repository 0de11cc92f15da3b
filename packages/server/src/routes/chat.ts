import {
  CHAT_MESSAGES_PATH,
  CHAT_UPDATES_PATH,
  type ChatHistoryResponse,
  type ChatStreamEvent,
  MAX_MESSAGE_LENGTH,
  VISITOR_ID_PATTERN,
} from '@hindsight/shared';
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { answerVisitorMessage } from '../chat/answer-visitor-message';
import { toChatMessage } from '../chat/to-chat-message';
import { createUpdatesStream } from '../chat/updates-stream';
import { HttpError } from '../http/http-error';
import { widgetCors } from '../http/widget-cors';
import { parseSessionQuery } from '../ingest/parse-batch-query';
import type { RateLimiter } from '../ingest/rate-limiter';
import { readBodyWithLimit } from '../ingest/read-body';
import {
  addVisitorMessage,
  findConversation,
  findReplyAfter,
  listChatMessages,
  openConversation,
} from '../repos/conversations-repo';
import { authorizeIngest, type IngestGuards } from './ingest-guards';

export interface ChatGuards extends IngestGuards {
  perSession: RateLimiter;
}

const MAX_BODY_BYTES = 32_768;
const eventStreamHeaders = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-store',
  // nginx and its kind: pass each event on as it is written.
  'X-Accel-Buffering': 'no',
};
const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** A page clock further than this from the server's is not trusted to place the message. */
const MAX_CLOCK_SKEW_MS = 24 * 3_600_000;

/**
 * The widget's chat API (public key + session id, like ingest; CORS for any page, the application's allowed
 * origins decide). A send answers a server-sent event stream: the stored message, the reply as it is written,
 * then the stored reply. The reply is produced and stored whether or not the visitor is still there to read it.
 */
export function createChatRoutes(guards: ChatGuards) {
  const routes = new Hono<AppEnv>();

  routes.use('/chat/*', widgetCors('GET, POST, OPTIONS'), async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  routes.post(CHAT_MESSAGES_PATH, async (c) => {
    const deps = c.var.deps;
    const application = await authorizeIngest(c, guards);
    const { sessionId } = parseSessionQuery(new URL(c.req.url).searchParams, {
      requireSeq: false,
      errorCode: 'invalid_request',
    });
    const body = readMessageBody(await readBodyWithLimit(c.req.raw, MAX_BODY_BYTES));
    // The address and the key were rate-limited by authorizeIngest; one chat may not flood either.
    const taken = guards.perSession.take(sessionId);
    if (!taken.allowed) {
      throw new HttpError(429, 'rate_limited', 'Too many messages from this chat; wait a moment.', {
        'Retry-After': String(taken.retryAfterSeconds),
      });
    }
    const now = deps.clock();
    const conversation = await openConversation(deps.db, {
      sessionId,
      applicationId: application.id,
      visitorId: body.visitorId,
      now,
    });
    if (!conversation) throw new HttpError(409, 'session_conflict', 'This session id belongs to another application.');
    const timestamp =
      body.timestamp !== undefined && Math.abs(body.timestamp - now.getTime()) < MAX_CLOCK_SKEW_MS
        ? body.timestamp
        : now.getTime();
    const { message, created } = await addVisitorMessage(deps.db, {
      conversation,
      text: body.text,
      clientId: body.clientId,
      timestamp,
      now,
    });

    const encoder = new TextEncoder();
    let stream: ReadableStreamDefaultController<Uint8Array> | undefined;
    let open = true;
    const emit = (event: ChatStreamEvent) => {
      if (!open || !stream) return;
      try {
        stream.enqueue(encoder.encode(`event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`));
      } catch {
        open = false; // the visitor went away; the answer carries on and is stored
      }
    };
    const events = new ReadableStream<Uint8Array>({
      start(controller) {
        stream = controller;
        emit({ event: 'stored', data: toChatMessage(message) });
        void (async () => {
          const earlier = created ? undefined : await findReplyAfter(deps.db, sessionId, message.id);
          if (earlier) emit({ event: 'reply', data: toChatMessage(earlier) });
          else await answerVisitorMessage(deps, { conversation, visitorMessage: message }, emit);
          if (open) {
            open = false;
            controller.close();
          }
        })();
      },
      cancel() {
        open = false;
      },
    });
    return eventStream(c, events);
  });

  routes.get(CHAT_MESSAGES_PATH, async (c) => {
    const { sessionId, afterId } = await readConversationQuery(c, guards);
    const messages = await listChatMessages(c.var.deps.db, { sessionId, afterId });
    const body: ChatHistoryResponse = { messages: messages.map(toChatMessage) };
    return c.json(body);
  });

  routes.get(CHAT_UPDATES_PATH, async (c) => {
    const { db, notifier } = c.var.deps;
    const { sessionId, afterId, after, applicationId } = await readConversationQuery(c, guards);
    const body = createUpdatesStream({ db, notifier, sessionId, applicationId, afterId, complete: after === null });
    return eventStream(c, body);
  });

  return routes;
}

/** A server-sent events answer, with the headers the middleware set (CORS). */
function eventStream(c: Context<AppEnv>, body: ReadableStream<Uint8Array>): Response {
  return new Response(body, { headers: { ...eventStreamHeaders, ...Object.fromEntries(c.res.headers) } });
}

/**
 * The key, session and `after` of a read (history or updates), checked: the application's key and origin, a
 * message id, and a conversation (if there is one yet) of that application.
 */
async function readConversationQuery(c: Context<AppEnv>, guards: ChatGuards) {
  const application = await authorizeIngest(c, guards);
  const query = new URL(c.req.url).searchParams;
  const { sessionId } = parseSessionQuery(query, { requireSeq: false, errorCode: 'invalid_request' });
  const after = query.get('after');
  if (after !== null && !/^\d{1,15}$/.test(after)) {
    throw new HttpError(400, 'invalid_request', 'after must be a message id.');
  }
  const conversation = await findConversation(c.var.deps.db, sessionId);
  if (conversation && conversation.application_id !== application.id) {
    throw new HttpError(409, 'session_conflict', 'This session id belongs to another application.');
  }
  return { sessionId, after, afterId: Number(after ?? 0), applicationId: application.id };
}

function readMessageBody(raw: Buffer) {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpError(400, 'invalid_message', 'The body must be JSON: { "text": "...", "clientId": "..." }.');
  }
  if (typeof body !== 'object' || body === null)
    throw new HttpError(400, 'invalid_message', 'The body must be an object.');
  const text = typeof body.text === 'string' ? body.text.trim() : '';
  if (text === '') throw new HttpError(400, 'invalid_message', 'The message is empty.');
  if (text.length > MAX_MESSAGE_LENGTH) {
    throw new HttpError(400, 'invalid_message', `A message has at most ${MAX_MESSAGE_LENGTH} characters.`);
  }
  if (typeof body.clientId !== 'string' || !CLIENT_ID_PATTERN.test(body.clientId)) {
    throw new HttpError(400, 'invalid_message', 'clientId must be 1 to 64 characters of A-Z, a-z, 0-9, _ or -.');
  }
  const visitorId =
    typeof body.visitorId === 'string' && VISITOR_ID_PATTERN.test(body.visitorId) ? body.visitorId : null;
  const timestamp = typeof body.timestamp === 'number' && Number.isFinite(body.timestamp) ? body.timestamp : undefined;
  return { text, clientId: body.clientId, visitorId, timestamp };
}
