import { createServer } from 'node:http';
import type { BrowserBundle, BundleName } from '../build-browser-bundles';
import { type Listening, listen } from './listen';

export interface SiteOptions {
  bundles: Map<BundleName, BrowserBundle>;
  /** examples/demo's files, snippet removed. */
  demo: Map<string, Buffer>;
  largePage: string;
  /** What each variant adds at the end of every page's body. */
  snippets: Map<string, string>;
}

const CHURN_TAG = '<script src="/bench/churn.js"></script>';

/**
 * The site every variant records: `/v/<variant>/demo/<file>` and `/v/<variant>/large.html`, the same pages with
 * that variant's snippet (and the bench's churn script) before `</body>`, plus `/bench/<name>.js`. The variant is
 * in the path so the demo's relative links keep it.
 */
export async function startSiteServer(options: SiteOptions): Promise<Listening> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://site');
    const send = (status: number, type: string, body: string | Buffer) => {
      response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
      response.end(body);
    };
    const bundle = /^\/bench\/([\w-]+)\.js$/.exec(url.pathname);
    if (bundle) {
      const found = options.bundles.get(bundle[1] as BundleName);
      return found ? send(200, 'text/javascript', found.code) : send(404, 'text/plain', 'no such bundle');
    }
    const page = /^\/v\/([\w-]+)\/(demo\/[\w.-]+|large\.html)$/.exec(url.pathname);
    const snippet = page ? options.snippets.get(page[1] as string) : undefined;
    if (!page || snippet === undefined) return send(404, 'text/plain', 'not found');
    const file = page[2] as string;
    const content = file === 'large.html' ? options.largePage : options.demo.get(file.slice('demo/'.length));
    if (content === undefined) return send(404, 'text/plain', 'not found');
    if (file.endsWith('.css')) return send(200, 'text/css', content);
    const html = content.toString().replace('</body>', `${CHURN_TAG}\n${snippet}\n</body>`);
    send(200, 'text/html; charset=utf-8', html);
  });
  return listen(server);
}
