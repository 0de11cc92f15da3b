/**
 * The single list of test projects. Vitest 4 no longer reads this file by itself
 * (workspace files were removed); vitest.config.ts passes it to `test.projects`.
 */
export default [
  'packages/*',
  'bench',
  'packages/widget/vitest.browser.config.ts',
  'packages/dashboard/vitest.browser.config.ts',
];
