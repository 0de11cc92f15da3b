const encoder = new TextEncoder();
const MAX_STORED_BLOCK_BYTES = 65_535;
let crcTable: Int32Array | undefined;

function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < bytes.length; i++) crc = (crcTable[(crc ^ (bytes[i] as number)) & 255] as number) ^ (crc >>> 8);
  return ~crc >>> 0;
}

/**
 * A valid gzip file whose deflate stream holds the bytes uncompressed (stored blocks): a copy and a CRC. For
 * unload, where compressing for real would run fflate cold on the main thread (9-43 ms for a 30 KB batch).
 */
export function storedGzip(json: string): Uint8Array {
  const data = encoder.encode(json);
  const blocks = Math.max(1, Math.ceil(data.length / MAX_STORED_BLOCK_BYTES));
  const out = new Uint8Array(10 + blocks * 5 + data.length + 8);
  out.set([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]); // gzip, deflate, no flags, no mtime, unknown OS
  let pos = 10;
  for (let block = 0; block < blocks; block++) {
    const part = data.subarray(block * MAX_STORED_BLOCK_BYTES, (block + 1) * MAX_STORED_BLOCK_BYTES);
    const length = part.length;
    out.set([block === blocks - 1 ? 1 : 0, length & 255, length >> 8, ~length & 255, (~length >> 8) & 255], pos);
    out.set(part, pos + 5);
    pos += 5 + length;
  }
  const view = new DataView(out.buffer);
  view.setUint32(pos, crc32(data), true);
  view.setUint32(pos + 4, data.length, true);
  return out;
}
