/** Every error the Hindsight API answers with has this body. */
export interface ApiErrorBody {
  error: { code: ErrorCode; message: string };
}

/** Machine-readable error codes; the HTTP status travels with each one on the server. */
export const ERROR_CODES = [
  'unknown_app',
  'unauthorized',
  'forbidden',
  'invalid_credentials',
  'csrf_invalid',
  'invalid_link',
  'already_exists',
  'invalid_message',
  'responder_failed',
  'origin_not_allowed',
  'payload_too_large',
  'invalid_encoding',
  'invalid_batch',
  'invalid_request',
  'session_conflict',
  'session_ended',
  'unknown_session',
  'rate_limited',
  'unavailable',
  'not_found',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
