import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server on 127.0.0.1 playing a remote service (a model endpoint, a webhook receiver): the only
 * thing the chat tests double, because no external service is reachable here.
 */
export interface RemoteServer {
  url: string;
  /** Every request received: headers and body. */
  requests: { headers: IncomingMessage['headers']; body: string }[];
  close(): Promise<void>;
}

export async function startRemoteServer(
  handle: (request: { headers: IncomingMessage['headers']; body: string }, response: ServerResponse) => void,
): Promise<RemoteServer> {
  const requests: RemoteServer['requests'] = [];
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const request = { headers: req.headers, body };
    requests.push(request);
    handle(request, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes an OpenAI-style streamed completion of `pieces`, `gapMs` apart. */
export async function streamCompletion(response: ServerResponse, pieces: string[], gapMs = 5): Promise<void> {
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  for (const piece of pieces) {
    response.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: piece } }] })}\n\n`);
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  response.end('data: [DONE]\n\n');
}
