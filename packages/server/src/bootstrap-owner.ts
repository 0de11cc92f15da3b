import { sql } from 'kysely';
import { hashPassword } from './auth/password';
import { generateSecretToken, hashSecretToken } from './auth/secret-token';
import type { AuthConfig } from './config';
import type { Db } from './db/database';
import { createInvite } from './repos/invites-repo';
import { countUsers, createUser } from './repos/users-repo';

/** Serialises owner bootstrap across processes starting at once (an arbitrary constant). */
const OWNER_LOCK_ID = 7_286_144_002;
const SETUP_LINK_TTL_MS = 24 * 3_600_000;

export type OwnerBootstrap =
  | { kind: 'exists' }
  | { kind: 'created'; email: string }
  /** No owner yet and none configured: whoever opens this one-time link first creates the owner. */
  | { kind: 'setup'; url: string };

/**
 * On a database without users: creates the owner from HINDSIGHT_ADMIN_EMAIL / HINDSIGHT_ADMIN_PASSWORD, or
 * issues a one-time setup link (valid 24 h; every start without an owner issues a fresh one).
 */
export async function ensureOwner(
  db: Db,
  input: { auth: AuthConfig; publicUrl: string; now: Date },
): Promise<OwnerBootstrap> {
  const { adminEmail, adminPassword } = input.auth;
  const passwordHash = adminEmail && adminPassword ? await hashPassword(adminPassword) : undefined;
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${OWNER_LOCK_ID})`.execute(tx);
    if ((await countUsers(tx)) > 0) return { kind: 'exists' } as const;
    if (adminEmail && passwordHash) {
      await createUser(tx, {
        email: adminEmail,
        name: adminEmail.split('@')[0] ?? 'Owner',
        role: 'owner',
        passwordHash,
        appIds: [],
      });
      return { kind: 'created', email: adminEmail } as const;
    }
    const token = generateSecretToken();
    await createInvite(tx, {
      tokenHash: hashSecretToken(token),
      kind: 'setup',
      email: null,
      role: 'owner',
      appIds: [],
      createdBy: null,
      now: input.now,
      expiresAt: new Date(input.now.getTime() + SETUP_LINK_TTL_MS),
    });
    return { kind: 'setup', url: `${input.publicUrl}/setup?token=${token}` } as const;
  });
}
