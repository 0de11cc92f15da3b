import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration after it has landed; add a new file instead.

/**
 * Every chat message stored (by any server process) is announced on the `hindsight_messages` channel with its
 * session id, delivered when its transaction commits: the widget's updates streams wait on it instead of polling.
 * Recorded messages (ingest, source 'recording') are not announced; the chat has its own copies.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function messages_notify() returns trigger language plpgsql as $$
    begin
      perform pg_notify('hindsight_messages', new.session_id);
      return null;
    end $$`.execute(db);
  await sql`
    create trigger messages_notify after insert on messages
    for each row when (new.source = 'chat') execute function messages_notify()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger messages_notify on messages`.execute(db);
  await sql`drop function messages_notify()`.execute(db);
}
