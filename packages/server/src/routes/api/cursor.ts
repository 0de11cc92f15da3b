import { HttpError } from '../../http/http-error';

/** Opaque page cursors: base64url of a JSON array of strings. Clients pass back `nextCursor` as it is. */
export function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** Decodes a cursor of `size` strings; anything else is a 400 invalid_request. */
export function decodeCursor(cursor: string | undefined, size: number): string[] | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts) && parts.length === size && parts.every((p) => typeof p === 'string' && p.length < 200)) {
      return parts;
    }
  } catch {
    // fall through
  }
  throw new HttpError(400, 'invalid_request', 'The cursor is not one this server issued.');
}

/** A timestamptz as PostgreSQL prints it (`2026-11-22 01:02:03.456789+00`): safe to cast back in a query. */
export function isPostgresTimestamp(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/.test(value);
}
