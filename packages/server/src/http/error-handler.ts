import type { ApiErrorBody } from '@hindsight/shared';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isDatabaseUnavailable } from '../db/unavailable-error';
import type { Logger } from '../observability/logger';
import { HttpError } from './http-error';

/** Seconds a client is told to wait when the database is unavailable. */
export const UNAVAILABLE_RETRY_AFTER_S = 5;

/** Turns any thrown error into the one error body; unknown errors are logged with the request id, never shown. */
export function toErrorResponse(error: unknown, c: Context, logger: Logger): Response {
  const httpError = asHttpError(error);
  if (httpError.status >= 500) {
    const log = httpError.code === 'unavailable' ? logger.warn : logger.error;
    log('request failed', { requestId: c.get('requestId'), path: c.req.path, error });
  }
  const body: ApiErrorBody = { error: { code: httpError.code, message: httpError.message } };
  for (const [name, value] of Object.entries(httpError.headers)) c.header(name, value);
  return c.json(body, httpError.status as ContentfulStatusCode);
}

export function asHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (isDatabaseUnavailable(error)) {
    return new HttpError(503, 'unavailable', 'The service is temporarily unavailable; retry later.', {
      'Retry-After': String(UNAVAILABLE_RETRY_AFTER_S),
    });
  }
  return new HttpError(500, 'internal', 'Internal server error.');
}
