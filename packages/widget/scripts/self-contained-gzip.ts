import path from 'node:path';
import type { Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * Replaces src/recorder/gzip-core.ts with a function that carries fflate's gzip inside its own body and refers
 * to nothing outside it but the browser's globals. The recorder calls it on the main thread (the fallback and
 * unload paths) and turns its source text into the compression worker's script (a blob: URL), so fflate ships
 * once. fflate's own async API does the same trick, but starts a new worker for every call.
 */
export function selfContainedGzip(): Plugin {
  return {
    name: 'self-contained-gzip',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]recorder[\\/]gzip-core\.ts$/ }, async (args) => {
        // The plugin's own esbuild (tsup's), so the widget needs no esbuild dependency of its own.
        const result = await build.esbuild.build({
          stdin: { contents: "export { gzipSync } from 'fflate';", resolveDir: path.dirname(args.path) },
          bundle: true,
          format: 'esm',
          platform: 'browser',
          target: 'es2020',
          minify: true,
          write: false,
        });
        // The module's code, with its one export turned into the function's return value.
        const code = result.outputFiles[0]?.text ?? '';
        const exported = /export\s*\{\s*([\w$]+) as gzipSync\s*\};?\s*$/.exec(code);
        if (!exported) throw new Error('self-contained-gzip: unexpected esbuild output');
        return {
          contents: `export function gzipCore(){${code.slice(0, exported.index)}return ${exported[1]}}`,
          loader: 'js',
        };
      });
    },
  };
}
