import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FixturePage } from './fixture-page';
import { productImageSvg } from './product-image';

const STYLESHEET = readFileSync(new URL('./site.css', import.meta.url), 'utf8');

export interface SiteServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves the fixture site (pages, stylesheet, product images) on a free 127.0.0.1 port. */
export async function startSiteServer(pages: readonly FixturePage[]): Promise<SiteServer> {
  const html = new Map(pages.map((page) => [page.path, page.render()]));
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://site').pathname;
    const image = /^\/img\/product-(\d+)\.svg$/.exec(path);
    const [type, body] =
      path === '/assets/site.css'
        ? ['text/css', STYLESHEET]
        : image
          ? ['image/svg+xml', productImageSvg(Number(image[1]))]
          : ['text/html; charset=utf-8', html.get(path)];
    if (body === undefined) {
      response.writeHead(404).end('Not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'max-age=3600' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
