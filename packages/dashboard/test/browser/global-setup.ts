import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import startDatabaseServer from '../../../server/test/global-setup';

const REPO_ROOT = fileURLToPath(new URL('../../../..', import.meta.url));

/**
 * Once per run: `pnpm build` (shared, widget, dashboard, the server's dist/cli.js), so the tests drive what a
 * site owner runs; then the PostgreSQL server the test files make their databases on (DATABASE_URL, or an
 * embedded one, exactly as the server's and the widget's tests do).
 * HINDSIGHT_TEST_SKIP_BUILD=1 skips the build (when iterating on tests against a build you just made).
 */
export default async function setup(project: TestProject) {
  if (process.env.HINDSIGHT_TEST_SKIP_BUILD !== '1') {
    execFileSync('pnpm', ['build'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return startDatabaseServer(project);
}
