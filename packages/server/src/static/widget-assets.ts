import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadStaticFile, type StaticFile } from './static-file';

/** The built widget: widget.js plus its content-hashed lazy files, keyed by URL path. */
export type WidgetAssets = Map<string, StaticFile>;

interface Manifest {
  loader: string;
  chat: string;
  recorder: string;
}

/**
 * Loads the widget's built files from the @hindsight/widget package (`pnpm build` makes them). Answers
 * undefined when the widget has not been built, so the server still runs (and says so in its log).
 */
export async function loadWidgetAssets(): Promise<WidgetAssets | undefined> {
  let manifestPath: string;
  try {
    manifestPath = createRequire(import.meta.url).resolve('@hindsight/widget/assets');
  } catch {
    return undefined;
  }
  const directory = path.dirname(manifestPath);
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
  const assets: WidgetAssets = new Map();
  for (const file of [manifest.loader, manifest.chat, manifest.recorder]) {
    assets.set(`/${file}`, await loadStaticFile(path.join(directory, file), 'text/javascript; charset=utf-8'));
  }
  return assets;
}
