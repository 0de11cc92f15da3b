import { type BuiltServer, startBuiltServer } from '../../../../server/test/support/built-server';

/** The owner account the server creates on its empty database (HINDSIGHT_ADMIN_EMAIL / _PASSWORD). */
export const OWNER = { email: 'owner@hindsight.test', password: 'correct horse battery' } as const;

export type HindsightServer = BuiltServer;

/**
 * Runs the built server exactly as a site owner does (`node dist/cli.js start`) on a loopback port. With
 * `owner: false` no admin account is configured, so the server prints a one-time setup link instead.
 */
export function startHindsightServer(databaseUrl: string, options: { owner?: boolean } = {}): Promise<HindsightServer> {
  return startBuiltServer({
    databaseUrl,
    owner: options.owner === false ? undefined : OWNER,
    needs: { path: '/', what: 'dashboard' },
  });
}
