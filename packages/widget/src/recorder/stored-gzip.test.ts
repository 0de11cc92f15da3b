import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { storedGzip } from './stored-gzip';

it('makes gzip files any gunzip reads back, across stored blocks of 64 KB', () => {
  for (const json of ['', '{"é":"ü"}', JSON.stringify({ events: 'x'.repeat(200_000) })]) {
    const body = storedGzip(json);
    expect(gunzipSync(body).toString('utf8')).toBe(json);
  }
  expect(storedGzip('{"a":1}').byteLength).toBe(7 + 10 + 5 + 8);
});
