import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database';
import type { ApplicationRow } from '../db/schema';

/** The fields the ingest path needs to authorise a batch. */
export type IngestApplication = Pick<ApplicationRow, 'id' | 'allowed_origins'>;

/** Public keys are `pk_` plus 24 random base62 characters: unguessable, safe in a URL and in page source. */
export function generatePublicKey(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  // 248 is the largest multiple of 62 below 256: rejecting bytes above it keeps every character equally likely.
  let key = 'pk_';
  while (key.length < 27) {
    for (const byte of randomBytes(32)) {
      if (byte < 248 && key.length < 27) key += alphabet[byte % 62];
    }
  }
  return key;
}

export async function findApplicationByPublicKey(db: Db, publicKey: string): Promise<IngestApplication | undefined> {
  return db
    .selectFrom('applications')
    .select(['id', 'allowed_origins'])
    .where('public_key', '=', publicKey)
    .executeTakeFirst();
}

export async function createApplication(
  db: Db,
  input: { name: string; retentionDays: number; allowedOrigins?: string[] },
): Promise<ApplicationRow> {
  return db
    .insertInto('applications')
    .values({
      name: input.name,
      public_key: generatePublicKey(),
      retention_days: input.retentionDays,
      allowed_origins: input.allowedOrigins ?? [],
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listApplications(db: Db): Promise<ApplicationRow[]> {
  return db.selectFrom('applications').selectAll().orderBy('created_at').execute();
}

/** Ids and retention of every application, for the retention sweep. */
export async function listRetentionPolicies(db: Db): Promise<{ id: string; retention_days: number }[]> {
  return db.selectFrom('applications').select(['id', 'retention_days']).execute();
}

export async function findApplication(db: Db, id: string): Promise<ApplicationRow | undefined> {
  return db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateApplication(
  db: Db,
  id: string,
  changes: { name?: string; allowedOrigins?: string[]; retentionDays?: number },
): Promise<ApplicationRow | undefined> {
  return db
    .updateTable('applications')
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.allowedOrigins !== undefined && { allowed_origins: changes.allowedOrigins }),
      ...(changes.retentionDays !== undefined && { retention_days: changes.retentionDays }),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}
