import { expect, it } from 'vitest';
import { readEvents } from './read-events';

/** A body that arrives in the given pieces (as a network delivers it: anywhere, even inside a character). */
function streamOf(...pieces: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(typeof piece === 'string' ? encoder.encode(piece) : piece);
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>) {
  const events: [string, string][] = [];
  await readEvents(stream, (name, data) => events.push([name, data]));
  return events;
}

it('reads named events split anywhere across chunks', async () => {
  const text = 'event: stored\ndata: {"id":"1"}\n\nevent: delta\ndata: {"text":"Hé"}\n\nevent: reply\ndata: {}\n\n';
  const bytes = new TextEncoder().encode(text);
  // Every split point, including inside the two-byte "é".
  for (let at = 1; at < bytes.length; at++) {
    expect(await collect(streamOf(bytes.slice(0, at), bytes.slice(at)))).toEqual([
      ['stored', '{"id":"1"}'],
      ['delta', '{"text":"Hé"}'],
      ['reply', '{}'],
    ]);
  }
});

it('joins data lines, skips comments, defaults the name, accepts CRLF, drops a cut-off event', async () => {
  expect(
    await collect(
      streamOf(': keep-alive\n\ndata: a\ndata:b\n\n', 'event: x\r\ndata: 1\r\n\r\n', 'event: cut\ndata: 2\n'),
    ),
  ).toEqual([
    ['message', 'a\nb'],
    ['x', '1'],
  ]);
});

it('ends on an empty stream', async () => {
  expect(await collect(streamOf())).toEqual([]);
});
