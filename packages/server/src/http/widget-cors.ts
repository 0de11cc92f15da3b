import type { MiddlewareHandler } from 'hono';

/**
 * CORS for the APIs the widget calls from the site's own origin (ingest, chat): any origin may call them (the
 * application's allowed origins decide, per request), errors too carry the headers so the widget can read the
 * status and code, and preflights are answered here.
 */
export function widgetCors(methods: string): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin) {
      c.header('Access-Control-Allow-Origin', origin);
      // Not a CORS-safelisted header: without this a cross-origin page cannot read it, and backs off blind.
      c.header('Access-Control-Expose-Headers', 'Retry-After');
      c.header('Vary', 'Origin');
    }
    if (c.req.method === 'OPTIONS') {
      c.header('Access-Control-Allow-Methods', methods);
      c.header('Access-Control-Allow-Headers', 'Content-Type');
      c.header('Access-Control-Max-Age', '86400');
      return c.body(null, 204);
    }
    await next();
  };
}
