import { defineProject } from 'vitest/config';

/**
 * The dashboard's browser tests: real Chromium (playwright-core), the built dashboard served by the real server
 * (started per test file from dist/cli.js), real PostgreSQL, real HTTP on 127.0.0.1. See test/browser/README.md.
 */
export default defineProject({
  test: {
    name: 'dashboard-browser',
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/browser/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    // After the widget's browser tests (group 1): two groups of Chromium-heavy files at once would starve two CPUs.
    sequence: { groupOrder: 2 },
  },
});
