import { createHmac } from 'node:crypto';
import { inPieces, type Responder, ResponderError } from './responder';

/** Signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, so a receiver can refuse replays. */
export const WEBHOOK_SIGNATURE_HEADER = 'X-Hindsight-Signature';

/** Signs a webhook body the way receivers verify it (see packages/server/README.md). */
export function signWebhookBody(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/**
 * POSTs the conversation to the owner's URL, signed, and relays the reply: `{ "reply": "text" }`. Anything else
 * (a bad status, not JSON, no reply) is a failure the visitor is told about.
 */
export function createWebhookResponder(settings: { url: string; secret: string }, now: () => Date): Responder {
  return {
    async reply(request) {
      const body = JSON.stringify({
        type: 'chat.message',
        applicationId: request.applicationId,
        sessionId: request.sessionId,
        messages: request.messages.map((m) => ({ role: m.role, text: m.text, createdAt: m.createdAt.toISOString() })),
      });
      const response = await fetch(settings.url, {
        method: 'POST',
        signal: request.signal,
        headers: {
          'content-type': 'application/json',
          [WEBHOOK_SIGNATURE_HEADER]: signWebhookBody(settings.secret, body, Math.floor(now().getTime() / 1_000)),
        },
        body,
      }).catch((error) => {
        throw new ResponderError(`the webhook could not be reached: ${String(error)}`, { cause: error });
      });
      if (!response.ok) throw new ResponderError(`the webhook answered ${response.status}`);
      const answer = (await response.json().catch(() => undefined)) as { reply?: unknown } | undefined;
      if (typeof answer?.reply !== 'string' || answer.reply.trim() === '') {
        throw new ResponderError('the webhook answered without a reply');
      }
      return { unanswered: false, deltas: inPieces(answer.reply, request.signal, 0) };
    },
  };
}
