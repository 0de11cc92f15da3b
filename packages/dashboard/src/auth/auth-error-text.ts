import { ApiError, errorMessage } from '../api/api-error';

/** The sign-in error to show: the server's own message, with what to do about a rate limit. */
export function authErrorText(error: unknown): string {
  if (error instanceof ApiError && error.status === 429) {
    return `${error.message} Too many attempts: wait a minute before trying again.`;
  }
  return errorMessage(error);
}
