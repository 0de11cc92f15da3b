import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One server-sent event of a chat send (`stored`, `delta`, `reply`, `quiet`, `error`). */
export interface ChatEvent {
  event: string;
  data: unknown;
}

let counter = 0;

/** Sends a visitor message the way the widget does (`POST /chat/v1/messages?key=&session=`, real HTTP) and reads the stream. */
export async function sendChat(options: {
  origin: string;
  appKey: string;
  sessionId: string;
  text: string;
}): Promise<{ events: ChatEvent[]; reply: string }> {
  const url = `${options.origin}/chat/v1/messages?key=${options.appKey}&session=${options.sessionId}`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain' },
    body: JSON.stringify({ text: options.text, clientId: `browser-test-${process.pid}-${++counter}` }),
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`chat send: ${response.status} ${body}`);
  const events = body
    .split('\n\n')
    .filter((block) => block.startsWith('event: '))
    .map((block) => {
      const [eventLine = '', dataLine = ''] = block.split('\n');
      return { event: eventLine.slice('event: '.length), data: JSON.parse(dataLine.slice('data: '.length) || 'null') };
    });
  const reply = events.flatMap((e) => (e.event === 'delta' ? [(e.data as { text: string }).text] : [])).join('');
  return { events, reply };
}

/** The conversation as the widget reads it (`GET /chat/v1/messages?key=&session=`). */
export async function chatHistory(options: {
  origin: string;
  appKey: string;
  sessionId: string;
}): Promise<{ messages: { role: string; text: string; author?: string }[] }> {
  const url = `${options.origin}/chat/v1/messages?key=${options.appKey}&session=${options.sessionId}`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`chat history: ${response.status} ${await response.text()}`);
  return (await response.json()) as { messages: { role: string; text: string; author?: string }[] };
}

export interface CompletionServer {
  /** `http://127.0.0.1:<port>`: the base URL to configure is this plus `/v1`. */
  url: string;
  requests: { method: string; path: string; headers: IncomingMessage['headers']; body: string }[];
  close(): Promise<void>;
}

/**
 * A local OpenAI-compatible model on 127.0.0.1 (the only thing doubled: no external service is reachable here):
 * `POST /v1/chat/completions` answers `pieces` as a streamed completion, `data: {choices:[{delta}]}` then `[DONE]`.
 */
export async function startCompletionServer(pieces: readonly string[]): Promise<CompletionServer> {
  const requests: CompletionServer['requests'] = [];
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const piece of pieces) {
      res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: piece } }] })}\n\n`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    res.end('data: [DONE]\n\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
