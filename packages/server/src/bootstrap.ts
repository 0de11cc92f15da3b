import { sql } from 'kysely';
import type { OwnerBootstrap } from './bootstrap-owner';
import { DEFAULT_KNOWLEDGE } from './chat/default-knowledge';
import type { Db } from './db/database';
import type { ApplicationRow } from './db/schema';
import { createApplication, listApplications } from './repos/applications-repo';
import { addKnowledge } from './repos/knowledge-repo';

/** Arbitrary constant: the advisory lock that serialises first-start bootstrap across processes. */
const BOOTSTRAP_LOCK_ID = 7_286_144_001;

/**
 * Returns the first application, creating "Default" on the very first start. Two servers starting at the
 * same time on an empty database create one application, not two (transaction-scoped advisory lock).
 */
export async function ensureDefaultApplication(
  db: Db,
  retentionDays: number,
): Promise<{ application: ApplicationRow; created: boolean }> {
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK_ID})`.execute(tx);
    const [first] = await listApplications(tx);
    if (first) return { application: first, created: false };
    const application = await createApplication(tx, { name: 'Default', retentionDays });
    // So the chat answers the demo site's questions out of the box.
    await addKnowledge(tx, application.id, [...DEFAULT_KNOWLEDGE]);
    return { application, created: true };
  });
}

/** The exact tag a site owner pastes into their pages. */
export function scriptTag(publicUrl: string, publicKey: string): string {
  return `<script async src="${publicUrl}/widget.js" data-app-key="${publicKey}"></script>`;
}

/** What `hindsight start` prints once it is listening (plain text, for humans; logs stay JSON). */
export function startBanner(
  publicUrl: string,
  application: ApplicationRow,
  created: boolean,
  owner: OwnerBootstrap,
): string {
  const signIn =
    owner.kind === 'setup'
      ? [`  Create the owner account (one-time link, valid 24 h):`, `    ${owner.url}`]
      : [`  Dashboard: ${publicUrl}/${owner.kind === 'created' ? `  (sign in as ${owner.email})` : ''}`];
  return [
    '',
    `  Hindsight is running at ${publicUrl}`,
    ...signIn,
    `  Ingest endpoint:  ${publicUrl}/ingest/v1/batch`,
    `  Health:           ${publicUrl}/healthz   ${publicUrl}/readyz   ${publicUrl}/metrics`,
    '',
    `  Application "${application.name}"${created ? ' (created now)' : ''}, public key ${application.public_key}`,
    '  Paste this into every page you want to record:',
    '',
    `    ${scriptTag(publicUrl, application.public_key)}`,
    '',
  ].join('\n');
}
