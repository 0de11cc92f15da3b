import { createServer, request as forward } from 'node:http';
import { createIngestCounter, type IngestCounter, readBody } from './ingest-counter';
import { type Listening, listen } from './listen';

export interface CountingProxy extends Listening {
  counter: IngestCounter;
}

const INGEST_PREFIX = '/ingest/';

/**
 * Sits between the page and the real Hindsight server so its ingest traffic is counted the same way as the fake
 * vendor endpoints': every request is passed through unchanged; bodies to `/ingest/...` are recorded with the
 * server's status (and kept, to be inflated after the run).
 */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const counter = createIngestCounter();
  const upstream = new URL(target);
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const path = request.url ?? '/';
    const url = new URL(path, upstream);
    const batch = { session: url.searchParams.get('session') ?? '', seq: Number(url.searchParams.get('seq') ?? -1) };
    const sender = { mode: String(request.headers['sec-fetch-mode'] ?? ''), atMs: Date.now() };
    const outgoing = forward(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path,
        headers: { ...request.headers, host: upstream.host },
      },
      async (answer) => {
        const status = answer.statusCode ?? 502;
        const answerBody = await readBody(answer);
        if (path.startsWith(INGEST_PREFIX)) {
          const error = status >= 300 ? answerBody.toString('utf8').slice(0, 300) : undefined;
          counter.record({
            path: url.pathname,
            batch,
            sender,
            bytes: body.byteLength,
            status,
            body,
            ...(error ? { error } : {}),
          });
        }
        response.writeHead(status, answer.headers).end(answerBody);
      },
    );
    outgoing.on('error', (error) => {
      if (path.startsWith(INGEST_PREFIX)) {
        counter.record({
          path: url.pathname,
          batch,
          sender,
          bytes: body.byteLength,
          status: 502,
          error: String(error),
        });
      }
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
    outgoing.end(body);
  });
  return { ...(await listen(server)), counter };
}
