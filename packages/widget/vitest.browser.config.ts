import { defineProject } from 'vitest/config';

/**
 * The widget's browser tests: real Chromium (playwright-core), the built widget served by the real server
 * (started per test from dist/cli.js), real PostgreSQL, real HTTP on 127.0.0.1. See test/browser/README.md.
 */
export default defineProject({
  test: {
    name: 'widget-browser',
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/browser/global-setup.ts'],
    // The scenarios wait through outages of 20 s and 60 s, then for the widget's backoff to retry.
    testTimeout: 240_000,
    hookTimeout: 120_000,
    // Vitest's default on a 2-CPU machine is one file at a time; these files mostly wait (on timers, the
    // network, the browser), so they run side by side, as their own group after the other projects.
    maxWorkers: 3,
    sequence: { groupOrder: 1 },
  },
});
