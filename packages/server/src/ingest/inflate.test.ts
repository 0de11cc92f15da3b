import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { HttpError } from '../http/http-error';
import { inflateWithCap } from './inflate';

it('inflates gzip within the cap', async () => {
  const json = Buffer.from(JSON.stringify({ events: [] }));
  expect((await inflateWithCap(gzipSync(json), 1_000)).toString()).toBe(json.toString());
});

it('stops a zip bomb at the cap: 1 GiB of zeros never reaches memory', async () => {
  // 1,024 concatenated gzip members of 1 MiB of zeros each: ~1 MB that would inflate to 1 GiB, built without
  // ever holding the 1 GiB here.
  const member = gzipSync(Buffer.alloc(1024 * 1024), { level: 9 });
  const bomb = Buffer.concat(Array.from({ length: 1024 }, () => member));
  const before = process.memoryUsage().rss;
  const error = await inflateWithCap(bomb, 16 * 1024 * 1024).catch((e: unknown) => e);
  const grewBy = process.memoryUsage().rss - before;
  expect(error).toBeInstanceOf(HttpError);
  expect(error).toMatchObject({ status: 413, code: 'payload_too_large' });
  expect(grewBy).toBeLessThan(256 * 1024 * 1024);
});

it('rejects bodies that are not gzip', async () => {
  await expect(inflateWithCap(Buffer.from('{"events":[]}xxxxxxxxxxxxxxxx'), 1_000)).rejects.toMatchObject({
    status: 400,
    code: 'invalid_encoding',
  });
});
