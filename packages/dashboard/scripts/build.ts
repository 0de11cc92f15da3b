// Builds the dashboard into dist/:
//   index.html                 the shell the server answers for every non-API path (no inline script: strict CSP)
//   <name>-<hash>.js / .css    the app entry and its lazily loaded chunks (ESM + code splitting)
//   offline-player.js / .css   the replay engineer's offline player (IIFE, unhashed), when its entry exists
//   manifest.json              which files exist, for the server (`@hindsight/dashboard/assets`)

import { existsSync } from 'node:fs';
import { copyFile, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Options } from 'tsup';

const root = path.resolve(import.meta.dirname, '..');
const finalDist = path.join(root, 'dist');
// Built aside (node_modules: ignored by git and the linter) and swapped in at the end, so a server starting
// meanwhile never finds dist/ half-written.
const dist = path.join(root, `node_modules/.dist-tmp-${process.pid}`);
/** Every path the browser loads is under /assets/ (immutable cache); index.html itself is not. */
const ASSETS_URL = '/assets/';
const OFFLINE_PLAYER_ENTRY = path.join(root, 'src/replay/offline-player.ts');
const common = {
  minify: true,
  // Engines from 2023 on: native <dialog>, ES2022.
  target: ['chrome111', 'firefox111', 'safari16.4'],
  platform: 'browser',
  silent: true,
  treeshake: true,
  noExternal: [/.*/],
  config: false,
} satisfies Options;

await rm(dist, { recursive: true, force: true });

await build({
  ...common,
  entry: { main: 'src/main.tsx' },
  format: 'esm',
  splitting: true,
  outDir: dist,
  esbuildOptions(options) {
    options.entryNames = '[name]-[hash]';
    options.chunkNames = 'chunk-[hash]';
    options.assetNames = 'asset-[hash]';
  },
});

const assets = (await readdir(dist)).filter((file) => /\.(js|css|woff2?|svg|png)$/.test(file)).sort();
const mainScript = assets.find((file) => /^main-\w+\.js$/.test(file));
if (!mainScript) throw new Error(`no main-<hash>.js in ${dist}: ${assets.join(', ')}`);
const mainStyle = assets.find((file) => /^main-\w+\.css$/.test(file));
// CSS of lazy chunks (the replay view's player styles) loads as `media="print"` so it never blocks the first
// paint of the Sessions list; the app switches it on (`media="all"`) when it opens the replay route.
const lazyStyles = assets.filter((file) => file.endsWith('.css') && file !== mainStyle);
// The chunks the entry imports statically (code shared with the replay chunk): fetched in parallel with the
// entry instead of after it has been parsed.
const mainCode = await readFile(path.join(dist, mainScript), 'utf8');
const preloads = [...mainCode.matchAll(/(?:from|import)\s*["']\.\/(chunk-\w+\.js)["']/g)].map((match) => match[1]);

const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>Hindsight</title>
<link rel="icon" href="data:,">
${mainStyle ? `<link rel="stylesheet" href="${ASSETS_URL}${mainStyle}">\n` : ''}${lazyStyles
  .map((file) => `<link rel="stylesheet" href="${ASSETS_URL}${file}" media="print" data-lazy-style>\n`)
  .join('')}${[...new Set(preloads)]
  .map((file) => `<link rel="modulepreload" href="${ASSETS_URL}${file}">\n`)
  .join('')}<script type="module" src="${ASSETS_URL}${mainScript}"></script>
</head>
<body>
<div id="app"></div>
<noscript>The Hindsight dashboard needs JavaScript.</noscript>
</body>
</html>
`;
await writeFile(path.join(dist, 'index.html'), html);

const manifest: Record<string, unknown> = { index: 'index.html', assets };
if (existsSync(OFFLINE_PLAYER_ENTRY)) {
  await build({
    ...common,
    entry: { 'offline-player': OFFLINE_PLAYER_ENTRY },
    format: 'iife',
    outDir: dist,
    outExtension: () => ({ js: '.js' }),
  });
  // The offline player's styles are rrweb-player's own sheet, as shipped.
  await copyFile(path.join(await packageDir('rrweb-player'), 'dist/style.css'), path.join(dist, 'offline-player.css'));
  manifest.offlinePlayer = { script: 'offline-player.js', style: 'offline-player.css' };
}
await writeFile(path.join(dist, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
await rm(finalDist, { recursive: true, force: true });
await rename(dist, finalDist);
console.log(`dashboard built: index.html, ${assets.join(', ')}${manifest.offlinePlayer ? ', offline-player' : ''}`);

/** A dependency's folder: its exports map hides package.json, so walk up from its resolved entry file. */
async function packageDir(name: string): Promise<string> {
  let dir = path.dirname(fileURLToPath(import.meta.resolve(name)));
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}
