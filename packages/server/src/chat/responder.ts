import type { MessageRole } from '@hindsight/shared';

/** The conversation a responder answers: oldest first, ending with the visitor's new message. */
export interface ReplyRequest {
  applicationId: string;
  sessionId: string;
  messages: { role: MessageRole; text: string; createdAt: Date }[];
  /** Aborted at the responder timeout (never because the visitor went away: the reply is stored anyway). */
  signal: AbortSignal;
}

export interface Reply {
  /** The reply's text, in pieces as they arrive. */
  deltas: AsyncIterable<string>;
  /** True when the responder had nothing good (the knowledge fallback): the prompt is flagged for the owner. */
  unanswered: boolean;
}

/** Produces the reply to a visitor's message: the knowledge base, an OpenAI-compatible model or a webhook. */
export interface Responder {
  reply(request: ReplyRequest): Promise<Reply>;
}

/** A responder failed in a way the visitor should hear about as "try again" (timeout, bad status, garbage). */
export class ResponderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ResponderError';
  }
}

/** Streams a whole text as word-sized pieces (for responders whose answer arrives at once). */
export async function* inPieces(text: string, signal: AbortSignal, delayMs = 12): AsyncIterable<string> {
  const pieces = text.match(/\S+\s*|\s+/g) ?? [text];
  for (const piece of pieces) {
    if (signal.aborted) throw new ResponderError('timed out');
    yield piece;
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
}
