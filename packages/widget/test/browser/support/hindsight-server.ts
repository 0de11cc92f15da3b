import { type BuiltServer, startBuiltServer } from '../../../../server/test/support/built-server';

/** The owner every test server starts with (HINDSIGHT_ADMIN_*), so a test can act in the dashboard API. */
export const TEST_ADMIN = { email: 'anna@team.example', password: 'correct horse battery staple' } as const;

/** The built server (`node dist/cli.js start`): where pages load widget.js from and send batches to. */
export type HindsightServer = BuiltServer;

/**
 * Starts the built server on a loopback port against the given database, with TEST_ADMIN as its owner. Pass
 * `port` to start it again where a stopped one listened.
 */
export function startHindsightServer(options: { databaseUrl: string; port?: number }): Promise<HindsightServer> {
  return startBuiltServer({ ...options, owner: TEST_ADMIN, needs: { path: '/widget.js', what: 'widget' } });
}
