import { decodeChunk } from './chunk-decoder';
import { createFrameParser } from './chunk-frames';
import type { RecordedBatch } from './rrweb-events';

/**
 * Reads a chunks response body as it arrives and hands each decoded batch to `onBatch`, in order. Inflating a
 * chunk overlaps with reading the next bytes from the network. Resolves with the last sequence number seen.
 */
export async function readChunkStream(
  body: ReadableStream<Uint8Array>,
  onBatch: (batch: RecordedBatch, seq: number) => void,
  signal?: AbortSignal,
): Promise<number | null> {
  const parser = createFrameParser();
  const reader = body.getReader();
  let lastSeq: number | null = null;
  let chain: Promise<void> = Promise.resolve();
  try {
    for (;;) {
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      const { done, value } = await reader.read();
      if (done) break;
      for (const frame of parser.push(value)) {
        const decoded = decodeChunk(frame.body);
        // Awaited in order below; this only keeps a failure from counting as unhandled meanwhile.
        decoded.catch(() => {});
        chain = chain.then(async () => {
          const batch = await decoded;
          if (signal?.aborted) return;
          onBatch(batch, frame.seq);
          lastSeq = frame.seq;
        });
      }
    }
  } finally {
    reader.releaseLock();
  }
  await chain;
  if (parser.pendingBytes > 0) throw new Error(`chunks stream ended inside a frame (${parser.pendingBytes} bytes)`);
  return lastSeq;
}
