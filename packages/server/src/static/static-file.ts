import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

/** A file held in memory with its gzip form and ETag, read once at start (the widget and demo are small). */
export interface StaticFile {
  body: Buffer;
  gzip: Buffer;
  etag: string;
  contentType: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export function contentTypeOf(file: string): string | undefined {
  return CONTENT_TYPES[file.slice(file.lastIndexOf('.'))];
}

export function toStaticFile(body: Buffer, contentType: string): StaticFile {
  return {
    body,
    gzip: gzipSync(body, { level: 9 }),
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
    contentType,
  };
}

export async function loadStaticFile(path: string, contentType: string): Promise<StaticFile> {
  return toStaticFile(await readFile(path), contentType);
}

/** Answers a static file: 304 on a matching ETag, gzip when the client takes it. */
export function respondWithFile(request: Request, file: StaticFile, headers: Record<string, string>): Response {
  const common = { ETag: file.etag, Vary: 'Accept-Encoding', ...headers };
  if (request.headers.get('if-none-match') === file.etag) return new Response(null, { status: 304, headers: common });
  const gzip = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
  return new Response(gzip ? file.gzip : file.body, {
    headers: { ...common, 'Content-Type': file.contentType, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) },
  });
}
