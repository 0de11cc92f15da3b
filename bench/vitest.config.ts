import { defineProject } from 'vitest/config';

// Unit tests of the benchmarks' own arithmetic; the benchmarks themselves only print figures.
export default defineProject({
  test: { name: 'bench', include: ['**/*.test.ts'], exclude: ['**/node_modules/**'] },
});
