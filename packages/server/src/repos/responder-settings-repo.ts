import type { Updateable } from 'kysely';
import type { Db } from '../db/database';
import type { ResponderSettingsRow, ResponderSettingsTable } from '../db/schema';

/** An application's responder settings; applications that never set any use the knowledge base. */
export async function findResponderSettings(db: Db, applicationId: string): Promise<ResponderSettingsRow | undefined> {
  return db.selectFrom('responder_settings').selectAll().where('application_id', '=', applicationId).executeTakeFirst();
}

export async function saveResponderSettings(
  db: Db,
  applicationId: string,
  changes: Updateable<ResponderSettingsTable>,
): Promise<ResponderSettingsRow> {
  return db
    .insertInto('responder_settings')
    .values({ application_id: applicationId, kind: 'knowledge', ...changes })
    .onConflict((oc) => oc.column('application_id').doUpdateSet({ ...changes, updated_at: new Date() }))
    .returningAll()
    .executeTakeFirstOrThrow();
}
