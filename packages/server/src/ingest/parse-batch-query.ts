import { MAX_SEQUENCE, SESSION_ID_PATTERN } from '@hindsight/shared';
import { HttpError } from '../http/http-error';

/**
 * Reads `session` and `seq` from a batch URL. The key is checked separately (401 `unknown_app`) because it
 * decides who is asking before anything else is looked at. The chat's routes say `invalid_request` (no batch there).
 */
export function parseSessionQuery(
  query: URLSearchParams,
  options: { requireSeq: boolean; errorCode?: 'invalid_batch' | 'invalid_request' },
) {
  const sessionId = query.get('session') ?? '';
  if (!SESSION_ID_PATTERN.test(sessionId)) {
    throw new HttpError(
      400,
      options.errorCode ?? 'invalid_batch',
      'session must be 16 to 64 characters of A-Z, a-z, 0-9, _ or -.',
    );
  }
  if (!options.requireSeq) return { sessionId, seq: 0 };
  const rawSeq = query.get('seq') ?? '';
  const seq = Number(rawSeq);
  if (!/^\d{1,10}$/.test(rawSeq) || seq > MAX_SEQUENCE) {
    throw new HttpError(400, 'invalid_batch', `seq must be an integer from 0 to ${MAX_SEQUENCE}.`);
  }
  return { sessionId, seq };
}
