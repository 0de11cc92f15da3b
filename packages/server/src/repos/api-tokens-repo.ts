import type { Db } from '../db/database';
import type { ApiTokenRow } from '../db/schema';
import { findUserById, type UserWithApps } from './users-repo';

export async function createApiToken(
  db: Db,
  input: { tokenHash: string; prefix: string; name: string; userId: string; now: Date },
): Promise<ApiTokenRow> {
  return db
    .insertInto('api_tokens')
    .values({
      token_hash: input.tokenHash,
      prefix: input.prefix,
      name: input.name,
      user_id: input.userId,
      created_at: input.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The unrevoked token with this hash and its user; records the use. */
export async function useApiToken(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<{ token: ApiTokenRow; user: UserWithApps } | undefined> {
  const token = await db
    .updateTable('api_tokens')
    .set({ last_used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (!token) return undefined;
  const user = await findUserById(db, token.user_id);
  return user && { token, user };
}

export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenRow[]> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function revokeApiToken(db: Db, input: { id: string; userId: string; now: Date }): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: input.now })
    .where('id', '=', input.id)
    .where('user_id', '=', input.userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
