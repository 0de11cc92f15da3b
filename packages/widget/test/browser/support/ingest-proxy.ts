import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/** One request the proxy received for /ingest/*, with the body exactly as the browser sent it. */
export interface ReceivedRequest {
  path: string;
  body: Buffer;
  /** The status the browser got back (0: the upstream could not be reached). */
  status: number;
}

export interface IngestProxy {
  origin: string;
  /** Every /ingest request, oldest first. */
  readonly received: ReceivedRequest[];
  /** Batch bodies received so far, gunzipped to text. */
  batchTexts(): string[];
  /** While true, /ingest/* is answered 500 (as a failing server would) instead of being forwarded. */
  failIngest: boolean;
  close(): Promise<void>;
}

/**
 * An HTTP proxy between the pages and the Hindsight server: pages load widget.js from it, so everything the
 * widget sends goes through it. It records every ingest request body and can answer 500 for a while.
 */
export async function startIngestProxy(upstream: { port: number }): Promise<IngestProxy> {
  const received: ReceivedRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const body = await readAll(req);
    const path = req.url ?? '/';
    const isIngest = path.startsWith('/ingest/');
    const record = isIngest ? { path, body, status: 0 } : undefined;
    if (record) received.push(record);
    if (isIngest && proxy.failIngest) {
      // The real server's errors carry CORS headers (so the widget can read the status); so do these.
      res.writeHead(500, {
        'Content-Type': 'application/json',
        ...(req.headers.origin ? { 'Access-Control-Allow-Origin': req.headers.origin } : {}),
      });
      res.end('{"error":{"code":"internal","message":"Internal error (test proxy)."}}');
      if (record) record.status = 500;
      return;
    }
    // A fresh upstream connection per request: reusing an idle keep-alive socket the server is just closing
    // fails the request (ECONNRESET), which a browser would have retried but this proxy cannot.
    const forward = httpRequest(
      { host: '127.0.0.1', port: upstream.port, method: req.method, path, headers: req.headers, agent: false },
      (upstreamRes) => {
        if (record) record.status = upstreamRes.statusCode ?? 0;
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        upstreamRes.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    forward.end(body);
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxy: IngestProxy = {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    failIngest: false,
    batchTexts: () => received.filter((r) => r.path.includes('/batch')).map((r) => gunzipSync(r.body).toString()),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return proxy;
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    stream.on('data', (part: Buffer) => parts.push(part));
    stream.on('end', () => resolve(Buffer.concat(parts)));
    stream.on('error', () => resolve(Buffer.concat(parts)));
  });
}
