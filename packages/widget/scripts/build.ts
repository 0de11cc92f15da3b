// Builds the widget:
//   dist/assets/widget.js              the script tag's file (IIFE, short cache)
//   dist/assets/widget/<name>.<hash>.js the lazy chat and recorder bundles (ESM, immutable cache)
//   dist/assets/manifest.json           which files exist, for the server
//   dist/npm/                           the ESM entry for bundler users, with types
// The loader learns the hashed names at build time, so one deploy never mixes two versions of the widget.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'tsup';
import { rrwebLean } from './rrweb-lean';
import { selfContainedGzip } from './self-contained-gzip';

const root = path.resolve(import.meta.dirname, '..');
// WIDGET_OUT_DIR lets the size-budget test build into a folder of its own.
const dist = path.resolve(root, process.env.WIDGET_OUT_DIR ?? 'dist');
const assets = path.join(dist, 'assets');
// terser squeezes ~5% more out of rrweb than esbuild's minifier: every byte here is downloaded by visitors.
// WIDGET_NO_MINIFY=1 keeps names readable, for CPU profiles (`pnpm bench:widget:profile`); never for a release.
const common = {
  minify: process.env.WIDGET_NO_MINIFY === '1' ? false : ('terser' as const),
  terserOptions: { compress: { passes: 2 }, ecma: 2020 },
  target: 'es2020',
  platform: 'browser',
  silent: true,
  treeshake: true,
} as const;

await rm(dist, { recursive: true, force: true });

async function lazyBundle(name: string, entry: string): Promise<string> {
  const outDir = path.join(dist, 'tmp', name);
  await build({
    ...common,
    entry: { [name]: entry },
    format: 'esm',
    outDir,
    splitting: false,
    noExternal: [/.*/],
    esbuildPlugins: [rrwebLean(), selfContainedGzip()],
  });
  const code = await readFile(path.join(outDir, `${name}.js`));
  const file = `${name}.${createHash('sha256').update(code).digest('hex').slice(0, 10)}.js`;
  await mkdir(path.join(assets, 'widget'), { recursive: true });
  await writeFile(path.join(assets, 'widget', file), code);
  return file;
}

const chatFile = await lazyBundle('chat', 'src/chat/index.ts');
const recorderFile = await lazyBundle('recorder', 'src/recorder/index.ts');

await build({
  ...common,
  entry: { widget: 'src/loader/widget-script.ts' },
  format: 'iife',
  outDir: assets,
  noExternal: [/.*/],
  define: {
    __HINDSIGHT_CHAT_FILE__: JSON.stringify(chatFile),
    __HINDSIGHT_RECORDER_FILE__: JSON.stringify(recorderFile),
  },
  outExtension: () => ({ js: '.js' }),
});
await writeFile(
  path.join(assets, 'manifest.json'),
  `${JSON.stringify({ loader: 'widget.js', chat: `widget/${chatFile}`, recorder: `widget/${recorderFile}` }, null, 2)}\n`,
);

await build({
  entry: { index: 'src/npm/index.ts' },
  format: 'esm',
  outDir: path.join(dist, 'npm'),
  target: 'es2019',
  platform: 'browser',
  splitting: true,
  dts: true,
  silent: true,
  noExternal: ['@hindsight/shared'],
  esbuildPlugins: [selfContainedGzip()],
});
await rm(path.join(dist, 'tmp'), { recursive: true, force: true });
console.log(`widget built: widget.js, widget/${chatFile}, widget/${recorderFile}, npm/`);
