import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentTypeOf, type StaticFile, toStaticFile } from './static-file';

const KEY_PLACEHOLDER = '__HINDSIGHT_APP_KEY__';

/**
 * The example site (examples/demo), with the default application's public key put into its script tags, so a
 * newcomer can try the product at once. Keyed by the path under /demo/.
 */
export async function loadDemoSite(directory: string, publicKey: string): Promise<Map<string, StaticFile>> {
  const files = new Map<string, StaticFile>();
  for (const name of await readdir(directory)) {
    const contentType = contentTypeOf(name);
    if (!contentType || name.endsWith('.md')) continue;
    let body = await readFile(path.join(directory, name));
    if (name.endsWith('.html')) body = Buffer.from(body.toString('utf8').replaceAll(KEY_PLACEHOLDER, publicKey));
    files.set(name, toStaticFile(body, contentType));
  }
  return files;
}
