import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/password';
import { invalid } from './read-input';

/** A new password from a request body: long enough to resist guessing, short enough to hash cheaply. */
export function readNewPassword(body: Record<string, unknown>): string {
  const password = body.password;
  if (typeof password !== 'string' || password.length < PASSWORD_MIN_LENGTH) {
    throw invalid(`password must be at least ${PASSWORD_MIN_LENGTH} characters.`);
  }
  if (password.length > PASSWORD_MAX_LENGTH)
    throw invalid(`password must be at most ${PASSWORD_MAX_LENGTH} characters.`);
  return password;
}
