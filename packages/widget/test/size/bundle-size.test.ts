import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';

/** Budgets from the widget issue, in bytes of gzip -9 of each built file. */
const EAGER_BUDGET_BYTES = 5 * 1024;
const CHAT_START_BUDGET_BYTES = 36 * 1024;

const widgetRoot = path.resolve(import.meta.dirname, '../..');
let outDir: string;
let sizes: Record<'loader' | 'chat' | 'recorder', number>;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'hindsight-widget-size-'));
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
    cwd: widgetRoot,
    env: { ...process.env, WIDGET_OUT_DIR: outDir },
  });
  const assets = path.join(outDir, 'assets');
  const manifest = JSON.parse(await readFile(path.join(assets, 'manifest.json'), 'utf8')) as Record<string, string>;
  const gzipBytes = async (file: string) => gzipSync(await readFile(path.join(assets, file)), { level: 9 }).byteLength;
  sizes = {
    loader: await gzipBytes(manifest.loader ?? ''),
    chat: await gzipBytes(manifest.chat ?? ''),
    recorder: await gzipBytes(manifest.recorder ?? ''),
  };
  console.log('widget gzip -9 bytes:', sizes, 'total', sizes.loader + sizes.chat + sizes.recorder);
}, 120_000);
afterAll(() => rm(outDir, { recursive: true, force: true }));

it('keeps the eager script (what every page view downloads) within 5 KB gzip', () => {
  expect(sizes.loader).toBeGreaterThan(1_000); // a real build, not an empty file
  expect(sizes.loader).toBeLessThanOrEqual(EAGER_BUDGET_BYTES);
});

it('keeps everything a visitor downloads once a chat starts within 36 KB gzip', () => {
  expect(sizes.recorder).toBeGreaterThan(15_000); // rrweb is in there
  expect(sizes.loader + sizes.chat + sizes.recorder).toBeLessThanOrEqual(CHAT_START_BUDGET_BYTES);
});
