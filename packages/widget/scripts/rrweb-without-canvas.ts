import { readFile } from 'node:fs/promises';
import type { Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * Drops rrweb's canvas and WebGL recording from the recorder bundle. Hindsight never records canvas (it would
 * send pixels of whatever a page draws, and rrweb only does it when `recordCanvas` is set), yet the code is
 * ~4 KB gzip of the visitor's download. Sentry's replay strips it the same way at build time
 * (`__RRWEB_EXCLUDE_CANVAS__`). The section is replaced by a CanvasManager that does nothing.
 *
 * Pinned to the exact @rrweb/record version: the build fails loudly if the markers move.
 */
export const RRWEB_RECORD_VERSION = '2.1.6';
const START = 'var chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";\nvar lookup';
const END = '\nclass StylesheetManager {';
const STUB = 'class CanvasManager {\n  reset() {}\n  freeze() {}\n  unfreeze() {}\n  lock() {}\n  unlock() {}\n}\n';

export function rrwebWithoutCanvas(): Plugin {
  return {
    name: 'rrweb-without-canvas',
    setup(build) {
      build.onLoad({ filter: /@rrweb[\\/]record[\\/]dist[\\/]record\.js$/ }, async (args) => {
        const manifest = JSON.parse(await readFile(args.path.replace(/dist[\\/]record\.js$/, 'package.json'), 'utf8'));
        if (manifest.version !== RRWEB_RECORD_VERSION) {
          throw new Error(
            `rrweb-without-canvas expects @rrweb/record ${RRWEB_RECORD_VERSION}, found ${manifest.version}`,
          );
        }
        const source = await readFile(args.path, 'utf8');
        const start = source.indexOf(START);
        const end = source.indexOf(END);
        if (start < 0 || end < start || source.indexOf(START, start + 1) >= 0 || source.indexOf(END, end + 1) >= 0) {
          throw new Error('rrweb-without-canvas: the canvas section markers were not found exactly once');
        }
        return { contents: source.slice(0, start) + STUB + source.slice(end), loader: 'js' };
      });
    },
  };
}
