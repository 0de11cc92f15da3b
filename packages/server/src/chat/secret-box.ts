import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Seals secrets (responder API keys, webhook secrets) for storage: AES-256-GCM under the server's secret key. */
export interface SecretBox {
  seal(plaintext: string): string;
  /** Throws when the value was sealed under another key or tampered with. */
  open(sealed: string): string;
}

/** `key` is 32 bytes (HINDSIGHT_SECRET_KEY, or the one generated under DATA_DIR). */
export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('the secret key must be 32 bytes');
  return {
    seal(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64url'), Buffer.concat([body, cipher.getAuthTag()]).toString('base64url')].join(
        ':',
      );
    },
    open(sealed) {
      const [version, iv, data] = sealed.split(':');
      if (version !== VERSION || !iv || !data) throw new Error('not a sealed secret');
      const bytes = Buffer.from(data, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}
