import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the recorded batches live (bench/fixtures). */
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** One recorded batch as described in fixtures/index.json. */
export interface FixtureIndexEntry {
  file: string;
  /** Name of the fixture page it was recorded on. */
  page: string;
  /** Sequence number of the batch within its page visit, from 0. */
  seq: number;
  events: number;
  rawBytes: number;
  compressedBytes: number;
  fullSnapshot: boolean;
}

export interface FixtureIndex {
  description: string;
  batches: FixtureIndexEntry[];
}

/** A recorded batch with its gzip body loaded. */
export interface FixtureBatch extends FixtureIndexEntry {
  body: Buffer;
}

/** Loads every fixture batch, grouped by page visit in sequence order. */
export async function loadFixtureVisits(dir = FIXTURES_DIR): Promise<FixtureBatch[][]> {
  const index = JSON.parse(await readFile(path.join(dir, 'index.json'), 'utf8')) as FixtureIndex;
  const visits = new Map<string, FixtureBatch[]>();
  for (const entry of index.batches) {
    const body = await readFile(path.join(dir, entry.file));
    if (body.byteLength !== entry.compressedBytes) throw new Error(`${entry.file} does not match index.json`);
    const visit = visits.get(entry.page) ?? [];
    visit.push({ ...entry, body });
    visits.set(entry.page, visit);
  }
  return [...visits.values()].map((visit) => visit.sort((a, b) => a.seq - b.seq));
}
