import type { Db } from '../db/database';
import type { AuthSessionRow } from '../db/schema';
import type { UserWithApps } from './users-repo';
import { findUserById } from './users-repo';

export async function createAuthSession(
  db: Db,
  input: {
    tokenHash: string;
    userId: string;
    csrfToken: string;
    now: Date;
    expiresAt: Date;
    address: string | null;
    userAgent: string | null;
  },
): Promise<AuthSessionRow> {
  return db
    .insertInto('auth_sessions')
    .values({
      token_hash: input.tokenHash,
      user_id: input.userId,
      csrf_token: input.csrfToken,
      created_at: input.now,
      last_seen_at: input.now,
      expires_at: input.expiresAt,
      address: input.address,
      user_agent: input.userAgent,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The live (not expired, not revoked) sign-in session for a cookie token, with its user. */
export async function findLiveAuthSession(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<{ session: AuthSessionRow; user: UserWithApps } | undefined> {
  const session = await db
    .selectFrom('auth_sessions')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!session) return undefined;
  const user = await findUserById(db, session.user_id);
  return user && { session, user };
}

/** Marks a session as seen and slides its expiry (never past its absolute limit, computed by the caller). */
export async function touchAuthSession(db: Db, id: string, now: Date, expiresAt: Date): Promise<void> {
  await db
    .updateTable('auth_sessions')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

export async function listLiveAuthSessions(db: Db, userId: string, now: Date): Promise<AuthSessionRow[]> {
  return db
    .selectFrom('auth_sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

/** Revokes one of a user's sessions; answers whether it was theirs and live. */
export async function revokeAuthSession(db: Db, input: { id: string; userId: string; now: Date }): Promise<boolean> {
  const result = await db
    .updateTable('auth_sessions')
    .set({ revoked_at: input.now })
    .where('id', '=', input.id)
    .where('user_id', '=', input.userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Signs a user out everywhere (role change, removal). */
export async function revokeAllAuthSessions(db: Db, userId: string, now: Date): Promise<void> {
  await db
    .updateTable('auth_sessions')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
