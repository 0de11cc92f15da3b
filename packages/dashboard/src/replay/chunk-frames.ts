import { CHUNK_FRAME_HEADER_BYTES } from '@hindsight/shared';

/** One frame of the chunks stream: a stored chunk's sequence number and its gzip bytes. */
export interface ChunkFrame {
  seq: number;
  body: Uint8Array;
}

/** Upper bound for one frame's body; the server caps batches far below this, anything bigger is corruption. */
export const MAX_FRAME_BYTES = 64 * 1024 * 1024;

/**
 * Incremental parser of `[u32 seq][u32 byteLength][bytes]` big-endian frames: feed it the response body's pieces
 * as they arrive and it returns every frame completed so far, so the first chunk plays before the rest has arrived.
 */
export function createFrameParser() {
  let pending: Uint8Array = new Uint8Array(0);
  let offset = 0;

  return {
    push(piece: Uint8Array): ChunkFrame[] {
      if (offset < pending.length) {
        const merged = new Uint8Array(pending.length - offset + piece.length);
        merged.set(pending.subarray(offset), 0);
        merged.set(piece, pending.length - offset);
        pending = merged;
      } else {
        pending = piece;
      }
      offset = 0;
      const frames: ChunkFrame[] = [];
      while (pending.length - offset >= CHUNK_FRAME_HEADER_BYTES) {
        const view = new DataView(pending.buffer, pending.byteOffset + offset, CHUNK_FRAME_HEADER_BYTES);
        const seq = view.getUint32(0);
        const length = view.getUint32(4);
        if (length > MAX_FRAME_BYTES) throw new Error(`chunk frame ${seq} claims ${length} bytes`);
        const end = offset + CHUNK_FRAME_HEADER_BYTES + length;
        if (end > pending.length) break;
        // A copy, so a frame never pins the (possibly much larger) network buffer it arrived in.
        frames.push({ seq, body: pending.slice(offset + CHUNK_FRAME_HEADER_BYTES, end) });
        offset = end;
      }
      return frames;
    },
    /** Bytes received but not yet part of a complete frame (non-zero at the end = truncated stream). */
    get pendingBytes(): number {
      return pending.length - offset;
    },
  };
}
