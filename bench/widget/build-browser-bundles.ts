import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** The scripts the bench puts into pages, by the name they are served under (`/bench/<name>.js`). */
const ENTRIES = {
  'page-probe': 'browser/page-probe.ts',
  churn: 'browser/churn.ts',
  'large-page-app': 'browser/large-page-app.ts',
  'rrweb-record': 'browser/rrweb-record-entry.ts',
  sentry: 'browser/sentry-entry.ts',
} as const;

export type BundleName = keyof typeof ENTRIES;

export interface BrowserBundle {
  code: string;
  /** gzip -9 size, for the report. */
  gzipBytes: number;
}

/**
 * Bundles every browser-side script (minified IIFE, as a site would ship it) into memory; `readableNames` keeps
 * names, for CPU profiles of bare rrweb and the peers.
 */
export async function buildBrowserBundles(
  options: { readableNames?: boolean } = {},
): Promise<Map<BundleName, BrowserBundle>> {
  const bundles = new Map<BundleName, BrowserBundle>();
  for (const [name, entry] of Object.entries(ENTRIES) as [BundleName, string][]) {
    const result = await build({
      entryPoints: [new URL(entry, import.meta.url).pathname],
      bundle: true,
      minify: !options.readableNames,
      format: 'iife',
      target: 'es2020',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
      // What Sentry's own docs tell bundler users to set: drops its debug logging, as its CDN bundles do.
      define: { __SENTRY_DEBUG__: 'false', 'process.env.NODE_ENV': '"production"' },
    });
    const code = result.outputFiles[0]?.text ?? '';
    bundles.set(name, { code, gzipBytes: gzipSync(code, { level: 9 }).byteLength });
  }
  return bundles;
}
