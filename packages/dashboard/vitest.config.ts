import { defineProject } from 'vitest/config';

/** Pure-function unit tests beside the source; the browser tests are their own project (vitest.browser.config.ts). */
export default defineProject({
  test: {
    name: 'dashboard',
    include: ['src/**/*.test.ts'],
    exclude: ['test/browser/**'],
    environment: 'node',
  },
});
