import type { Role } from '@hindsight/shared';
import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { UserRow } from '../db/schema';

/** A user with the applications granted to them. */
export type UserWithApps = UserRow & { app_ids: string[] };

const withAppIds = (db: Db) =>
  db
    .selectFrom('users')
    .selectAll('users')
    .select(
      sql<string[]>`coalesce((select array_agg(application_id::text order by application_id)
        from user_applications where user_id = users.id), '{}')`.as('app_ids'),
    );

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findUserByEmail(db: Db, email: string): Promise<UserWithApps | undefined> {
  return withAppIds(db).where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Db, id: string): Promise<UserWithApps | undefined> {
  return withAppIds(db).where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Db): Promise<UserWithApps[]> {
  return withAppIds(db).orderBy('created_at').execute();
}

/** Creates a user; answers undefined when the email is taken. Run it in a transaction (two statements). */
export async function createUser(
  tx: Db,
  input: { email: string; name: string; role: Role; passwordHash: string; appIds: readonly string[] },
): Promise<UserWithApps | undefined> {
  const user = await tx
    .insertInto('users')
    .values({ email: input.email, name: input.name, role: input.role, password_hash: input.passwordHash })
    .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!user) return undefined;
  await setUserApps(tx, user.id, input.appIds);
  return { ...user, app_ids: [...input.appIds].sort() };
}

/** Changes a user's role and granted applications. Run it in a transaction. */
export async function updateUser(
  tx: Db,
  id: string,
  changes: { role?: Role; appIds?: readonly string[] },
): Promise<UserWithApps | undefined> {
  if (changes.role) await tx.updateTable('users').set({ role: changes.role }).where('id', '=', id).execute();
  if (changes.appIds) await setUserApps(tx, id, changes.appIds);
  return findUserById(tx, id);
}

export async function deleteUser(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function countOwners(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function recordSignIn(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('users').set({ last_sign_in_at: at }).where('id', '=', id).execute();
}

async function setUserApps(db: Db, userId: string, appIds: readonly string[]): Promise<void> {
  await db.deleteFrom('user_applications').where('user_id', '=', userId).execute();
  if (appIds.length === 0) return;
  await db
    .insertInto('user_applications')
    .values(appIds.map((application_id) => ({ user_id: userId, application_id })))
    .execute();
}
