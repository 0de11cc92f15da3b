import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { type IngestBatch, RRWEB_EVENT_TYPE } from '@hindsight/shared';
import type { FixtureIndex, FixtureIndexEntry } from '../fixtures';

/** gzip level the widget uses (fflate's default). */
const GZIP_LEVEL = 6;

/**
 * Replaces the fixtures in `dir` with these pages' batches: one gzip body per batch, byte for byte what the
 * widget would POST, plus index.json describing each.
 */
export async function writeFixtures(
  dir: string,
  pages: ReadonlyArray<{ name: string; batches: IngestBatch[] }>,
): Promise<FixtureIndex> {
  await mkdir(dir, { recursive: true });
  for (const file of await readdir(dir)) {
    if (file.endsWith('.json.gz')) await rm(path.join(dir, file));
  }
  const batches: FixtureIndexEntry[] = [];
  for (const { name, batches: pageBatches } of pages) {
    for (const [seq, batch] of pageBatches.entries()) {
      const raw = Buffer.from(JSON.stringify(batch));
      const compressed = gzipSync(raw, { level: GZIP_LEVEL });
      const file = `${name}-${String(seq).padStart(2, '0')}.json.gz`;
      await writeFile(path.join(dir, file), compressed);
      batches.push({
        file,
        page: name,
        seq,
        events: batch.events.length,
        rawBytes: raw.byteLength,
        compressedBytes: compressed.byteLength,
        fullSnapshot: batch.events.some((e) => e.type === RRWEB_EVENT_TYPE.FullSnapshot),
      });
    }
  }
  const index: FixtureIndex = {
    description:
      'rrweb batches recorded in Chromium by bench/ingest/record-fixtures.ts; each file is one gzip (level 6) IngestBatch body.',
    batches,
  };
  await writeFile(path.join(dir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  return index;
}
