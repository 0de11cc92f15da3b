import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseBatch } from './chunk-decoder';
import { readChunkStream } from './chunk-stream';
import type { RecordedBatch } from './rrweb-events';

const FIXTURES = new URL('../../../../bench/fixtures/', import.meta.url);

function frame(seq: number, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + body.length);
  new DataView(out.buffer).setUint32(0, seq);
  new DataView(out.buffer).setUint32(4, body.length);
  out.set(body, 8);
  return out;
}

/** A body stream delivering `bytes` in pieces of `pieceBytes`, like a slow network. */
function streamOf(bytes: Uint8Array, pieceBytes: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + pieceBytes));
      at += pieceBytes;
    },
  });
}

describe('readChunkStream', () => {
  it('decodes the real recorded fixtures in order, from a body arriving in small pieces', async () => {
    const files = ['products-00.json.gz', 'products-01.json.gz', 'products-02.json.gz', 'products-03.json.gz'];
    const bodies = await Promise.all(files.map(async (f) => new Uint8Array(await readFile(new URL(f, FIXTURES)))));
    const all = new Uint8Array(bodies.reduce((n, b) => n + b.length + 8, 0));
    let at = 0;
    bodies.forEach((body, i) => {
      all.set(frame(10 + i, body), at);
      at += body.length + 8;
    });
    const seen: [number, RecordedBatch][] = [];
    const last = await readChunkStream(streamOf(all, 1_000), (batch, seq) => seen.push([seq, batch]));
    expect(last).toBe(13);
    expect(seen.map(([seq]) => seq)).toEqual([10, 11, 12, 13]);
    expect(seen[0]![1].events.map((e) => e.type)).toEqual([4, 2]);
    expect(seen[0]![1].page?.url).toMatch(/\/products$/);
    expect(seen[1]![1].events).toHaveLength(31);
  });

  it('fails on a stream cut inside a frame', async () => {
    const body = gzipSync(JSON.stringify({ events: [] }));
    const cut = frame(0, new Uint8Array(body)).slice(0, 20);
    await expect(readChunkStream(streamOf(cut, 7), () => {})).rejects.toThrow(/ended inside a frame/);
  });

  it('fails on a chunk that is not gzip', async () => {
    await expect(readChunkStream(streamOf(frame(0, new Uint8Array([1, 2, 3])), 64), () => {})).rejects.toThrow();
  });
});

describe('parseBatch', () => {
  it('drops malformed events and refuses a body without events', () => {
    const batch = parseBatch(JSON.stringify({ events: [null, { type: 3 }, { type: 3, timestamp: 5, data: {} }] }));
    expect(batch.events).toEqual([{ type: 3, timestamp: 5, data: {} }]);
    expect(() => parseBatch('{"page":{}}')).toThrow(/no events/);
  });
});
