import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { contentTypeOf, loadStaticFile, type StaticFile } from './static-file';

/** The built dashboard: its index.html, hashed assets, and the offline player inlined into HTML downloads. */
export interface DashboardAssets {
  index: StaticFile;
  /** Keyed by file name, served at /assets/<name>. */
  assets: Map<string, StaticFile>;
  offlinePlayer?: { script: string; style: string };
}

interface Manifest {
  index: string;
  assets: string[];
  offlinePlayer?: { script: string; style: string };
}

/** Loads the dashboard from @hindsight/dashboard's dist (`pnpm build` makes it); undefined when not built. */
export async function loadDashboardAssets(): Promise<DashboardAssets | undefined> {
  let manifestPath: string;
  try {
    manifestPath = createRequire(import.meta.url).resolve('@hindsight/dashboard/assets');
  } catch {
    return undefined;
  }
  const directory = path.dirname(manifestPath);
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
  const assets = new Map<string, StaticFile>();
  for (const name of manifest.assets) {
    assets.set(
      name,
      await loadStaticFile(path.join(directory, name), contentTypeOf(name) ?? 'application/octet-stream'),
    );
  }
  const read = (name: string) => readFile(path.join(directory, name), 'utf8');
  return {
    index: await loadStaticFile(path.join(directory, manifest.index), 'text/html; charset=utf-8'),
    assets,
    offlinePlayer: manifest.offlinePlayer && {
      script: await read(manifest.offlinePlayer.script),
      style: await read(manifest.offlinePlayer.style),
    },
  };
}
