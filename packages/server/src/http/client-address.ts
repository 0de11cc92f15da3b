import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/**
 * The client's IP address: the socket's peer, or with `trustProxy` the first X-Forwarded-For entry (set it
 * only behind a proxy you run: the header is otherwise whatever the client wants it to be).
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return nodeRequestOf(c)?.socket?.remoteAddress ?? 'unknown';
}

/** The Node request behind a Hono context when served by @hono/node-server (undefined under app.request()). */
export function nodeRequestOf(c: Context): IncomingMessage | undefined {
  return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
}
