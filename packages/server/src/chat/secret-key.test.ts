import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { loadSecretKey } from './secret-key';

let dataDir = '';
afterEach(() => rm(dataDir, { recursive: true, force: true }));

it('gives every caller starting at once the same whole key, and leaves only the key file', async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'hindsight-key-'));
  const keys = await Promise.all(Array.from({ length: 40 }, () => loadSecretKey({ secretKey: undefined, dataDir })));
  expect(new Set(keys.map((key) => key.byteLength))).toEqual(new Set([32]));
  expect(new Set(keys.map((key) => key.toString('hex'))).size).toBe(1);
  expect(await readdir(dataDir)).toEqual(['secret-key']);
  expect((await loadSecretKey({ secretKey: undefined, dataDir })).equals(keys[0] as Buffer)).toBe(true);
});
