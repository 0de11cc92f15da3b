import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/cli.ts'],
  format: 'esm',
  target: 'node20',
  platform: 'node',
  noExternal: ['@hindsight/shared'],
  clean: true,
  sourcemap: true,
});
