import { createHash, randomBytes } from 'node:crypto';

/** A new unguessable token (256 bits, base64url) with a readable prefix: `hs_...` API tokens, cookie tokens. */
export function generateSecretToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** What the database keeps of a token: its SHA-256 (the token has full entropy, so no salt or slow hash needed). */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
