import type { Db } from '../db/database';
import type { KnowledgeEntryRow } from '../db/schema';

export async function listKnowledge(db: Db, applicationId: string): Promise<KnowledgeEntryRow[]> {
  return db
    .selectFrom('knowledge_entries')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('created_at')
    .execute();
}

export async function addKnowledge(
  db: Db,
  applicationId: string,
  entries: { question: string; answer: string; link: string | null }[],
): Promise<KnowledgeEntryRow[]> {
  if (entries.length === 0) return [];
  return db
    .insertInto('knowledge_entries')
    .values(entries.map((e) => ({ application_id: applicationId, ...e })))
    .returningAll()
    .execute();
}

export async function updateKnowledge(
  db: Db,
  input: { applicationId: string; id: string; question: string; answer: string; link: string | null; now: Date },
): Promise<KnowledgeEntryRow | undefined> {
  return db
    .updateTable('knowledge_entries')
    .set({ question: input.question, answer: input.answer, link: input.link, updated_at: input.now })
    .where('id', '=', input.id)
    .where('application_id', '=', input.applicationId)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteKnowledge(db: Db, applicationId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('knowledge_entries')
    .where('id', '=', id)
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
