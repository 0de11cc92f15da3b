import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** bench/results: git-ignored. */
export const RESULTS_DIR = fileURLToPath(new URL('../../results/', import.meta.url));

/** Writes bench/results/<name>-<timestamp>.json (request bodies left out) and returns its path. */
export async function writeResults(startedAt: string, results: unknown, name = 'widget'): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}-${startedAt.replace(/[:.]/g, '-')}.json`);
  const json = JSON.stringify(results, (key, value) => (key === 'body' ? undefined : value), 1);
  await writeFile(file, `${json}\n`);
  return file;
}
