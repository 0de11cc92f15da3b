import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import type { StaticFiles } from './fake-api-server';

const here = path.dirname(fileURLToPath(import.meta.url));

const page = (title: string, script: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="stylesheet" href="/${script}.css"></head>
<body style="margin:0;padding:8px"><div id="app"></div><script src="/${script}.js"></script></body></html>`;

/**
 * Bundles browser entries (the viewer harness by default, plus any `extra` entries such as the benchmark's
 * baseline page) as IIFE scripts with their CSS, and returns them as static files with a page per entry.
 */
export async function buildHarness(extra: Record<string, string> = {}): Promise<StaticFiles> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'hindsight-replay-harness-'));
  const entries: Record<string, string> = { viewer: path.join(here, 'harness-entry.tsx'), ...extra };
  try {
    await build({
      entry: entries,
      format: 'iife',
      platform: 'browser',
      target: 'chrome111',
      outDir,
      outExtension: () => ({ js: '.js' }),
      noExternal: [/.*/],
      config: false,
      silent: true,
      minify: true,
      sourcemap: false,
      esbuildOptions(options) {
        options.jsx = 'automatic';
        options.jsxImportSource = 'preact';
        // Entries outside packages/dashboard (the benchmark's) resolve rrweb-player and preact from here.
        options.nodePaths = [path.resolve(here, '../../../node_modules')];
      },
    });
    const files: StaticFiles = {};
    for (const name of Object.keys(entries)) {
      files[`/${name}.js`] = { type: 'text/javascript', body: await readFile(path.join(outDir, `${name}.js`)) };
      const css = await readFile(path.join(outDir, `${name}.css`)).catch(() => Buffer.from(''));
      files[`/${name}.css`] = { type: 'text/css', body: css };
      files[`/${name}.html`] = { type: 'text/html', body: page(name, name) };
    }
    return files;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
