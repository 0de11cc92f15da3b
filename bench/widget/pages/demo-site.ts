import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DEMO_DIR = fileURLToPath(new URL('../../../examples/demo/', import.meta.url));
/** The pages the journey visits, in order (examples/demo/README.md lists what each one demonstrates). */
export const DEMO_PAGES = ['index.html', 'catalog.html', 'signup.html', 'about.html'] as const;
// The demo embeds the widget the way a customer does; the bench puts each variant's own snippet there instead.
const HINDSIGHT_SNIPPET =
  /<script>window\.Hindsight = [^<]*<\/script>\s*<script async src="\/widget\.js"[^>]*><\/script>/;

/** examples/demo's files by name, with the Hindsight snippet taken out of each page. */
export async function loadDemoSite(): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const name of await readdir(DEMO_DIR)) {
    if (!/\.(html|css)$/.test(name)) continue;
    const content = await readFile(path.join(DEMO_DIR, name));
    if (!name.endsWith('.html')) {
      files.set(name, content);
      continue;
    }
    const html = content.toString('utf8');
    if (!HINDSIGHT_SNIPPET.test(html)) throw new Error(`examples/demo/${name}: the widget snippet was not found`);
    files.set(name, Buffer.from(html.replace(HINDSIGHT_SNIPPET, '')));
  }
  for (const page of DEMO_PAGES) if (!files.has(page)) throw new Error(`examples/demo/${page} is missing`);
  return files;
}
