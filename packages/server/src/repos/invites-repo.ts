import type { Role } from '@hindsight/shared';
import type { Db } from '../db/database';
import type { InviteRow } from '../db/schema';

export async function createInvite(
  db: Db,
  input: {
    tokenHash: string;
    kind: 'setup' | 'invite';
    email: string | null;
    role: Role;
    appIds: readonly string[];
    createdBy: string | null;
    now: Date;
    expiresAt: Date;
  },
): Promise<InviteRow> {
  return db
    .insertInto('invites')
    .values({
      token_hash: input.tokenHash,
      kind: input.kind,
      email: input.email,
      role: input.role,
      app_ids: [...input.appIds],
      created_by: input.createdBy,
      created_at: input.now,
      expires_at: input.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An unused, unexpired link of this kind. */
export async function findOpenInvite(
  db: Db,
  input: { tokenHash: string; kind: 'setup' | 'invite'; now: Date },
): Promise<InviteRow | undefined> {
  return db
    .selectFrom('invites')
    .selectAll()
    .where('token_hash', '=', input.tokenHash)
    .where('kind', '=', input.kind)
    .where('used_at', 'is', null)
    .where('expires_at', '>', input.now)
    .executeTakeFirst();
}

/** Marks a link used; answers false when another request used it first (one-time, even under races). */
export async function consumeInvite(db: Db, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('invites')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
