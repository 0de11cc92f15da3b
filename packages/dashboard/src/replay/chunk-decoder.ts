import type { RecordedBatch } from './rrweb-events';

/** Inflates one chunk (gzip of the batch JSON) with the browser's own DecompressionStream and checks its shape. */
export async function decodeChunk(body: Uint8Array): Promise<RecordedBatch> {
  const stream = new Blob([body as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  const text = await new Response(stream).text();
  return parseBatch(text);
}

/** Parses a batch's JSON, keeping only well-formed events (a recording is untrusted input). */
export function parseBatch(text: string): RecordedBatch {
  const value: unknown = JSON.parse(text);
  if (!value || typeof value !== 'object' || !Array.isArray((value as RecordedBatch).events)) {
    throw new Error('chunk is not a batch: no events array');
  }
  const batch = value as RecordedBatch;
  const events = batch.events.filter(
    (event) =>
      !!event &&
      typeof event === 'object' &&
      typeof event.type === 'number' &&
      typeof event.timestamp === 'number' &&
      Number.isFinite(event.timestamp),
  );
  return batch.page && typeof batch.page === 'object' ? { events, page: batch.page } : { events };
}
