import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const require = createRequire(import.meta.url);
/** Third-party scripts the fixture pages use, served from this origin like a site's own copies. */
const VENDOR: Record<string, string> = {
  '/vendor/preact.mjs': require.resolve('preact'),
  '/vendor/rrweb.js': path.join(path.dirname(require.resolve('rrweb')), 'rrweb.umd.min.cjs'),
};
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8' };

export interface SiteServer {
  origin: string;
  url(page: string): string;
  /** Where the pages' script tag loads widget.js from (the proxy or the server); read on every request. */
  widgetOrigin: string;
  close(): Promise<void>;
}

/**
 * A customer's site: the HTML fixtures on their own loopback port (a different origin from Hindsight's), with
 * `{{SERVER}}` and `{{APP_KEY}}` filled in, and the response headers listed in fixtures/headers.json (CSP).
 */
export async function startSiteServer(options: { widgetOrigin: string; appKey: string }): Promise<SiteServer> {
  const headers = JSON.parse(await readFile(path.join(FIXTURES, 'headers.json'), 'utf8')) as Record<
    string,
    Record<string, string>
  >;
  const fill = (text: string) =>
    text.replaceAll('{{SERVER}}', site.widgetOrigin).replaceAll('{{APP_KEY}}', options.appKey);

  const server: Server = createServer(async (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    if (pathname === '/favicon.ico') return void res.writeHead(204).end(); // keeps the browser's log quiet
    const name = pathname === '/' ? 'index.html' : pathname.slice(1);
    const file = VENDOR[pathname] ?? path.join(FIXTURES, name);
    if (!file.startsWith(FIXTURES) && !VENDOR[pathname]) return void res.writeHead(404).end();
    try {
      const body = await readFile(file);
      const isHtml = file.endsWith('.html');
      const extra = Object.fromEntries(Object.entries(headers[name] ?? {}).map(([k, v]) => [k, fill(v)]));
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] ?? 'text/javascript',
        'Cache-Control': 'no-store',
        ...extra,
      });
      res.end(isHtml ? fill(body.toString('utf8')) : body);
    } catch {
      res.writeHead(404).end();
    }
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const site: SiteServer = {
    origin,
    url: (page) => `${origin}/${page}`,
    widgetOrigin: options.widgetOrigin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return site;
}
