import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // The first query against a freshly created database can take seconds on a loaded machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
