import { gunzip } from 'node:zlib';
import { HttpError } from '../http/http-error';

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;
const INFLATE_CHUNK_BYTES = 256 * 1024;

/**
 * Inflates a gzip body on libuv's thread pool (the event loop keeps serving), stopping at `maxBytes` of
 * output: zlib's maxOutputLength aborts the inflate once the cap is reached, so a zip bomb costs at most
 * `maxBytes` of memory.
 */
export function inflateWithCap(body: Buffer, maxBytes: number): Promise<Buffer> {
  if (body.length < 18 || body[0] !== GZIP_MAGIC_0 || body[1] !== GZIP_MAGIC_1) {
    return Promise.reject(new HttpError(400, 'invalid_encoding', 'The request body must be gzip-compressed JSON.'));
  }
  return new Promise((resolve, reject) => {
    // Larger output chunks than zlib's 16 KiB default: fewer buffers to grow and join for a ~200 KB batch.
    gunzip(body, { maxOutputLength: maxBytes, chunkSize: INFLATE_CHUNK_BYTES }, (error, result) => {
      if (!error) return resolve(result);
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        return reject(
          new HttpError(413, 'payload_too_large', `The decompressed body is larger than the ${maxBytes}-byte limit.`),
        );
      }
      reject(new HttpError(400, 'invalid_encoding', 'The request body is not valid gzip data.'));
    });
  });
}
