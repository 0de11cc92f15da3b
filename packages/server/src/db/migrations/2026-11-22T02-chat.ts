import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration after it has landed; add a new file instead.

export async function up(db: Kysely<any>): Promise<void> {
  // One conversation per session id. Not tied to a recorded session: the chat works without a recording
  // (Global Privacy Control, a failed recorder), and its first message may arrive before the first batch.
  await db.schema
    .createTable('conversations')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('application_id', 'uuid', (col) => col.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('visitor_id', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('last_message_at', 'timestamptz', (col) => col.notNull())
    .addColumn('operator_replied_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('conversations_by_app_last_message')
    .on('conversations')
    .columns(['application_id', 'last_message_at desc'])
    .execute();

  // Messages now come from the chat itself (source 'chat') as well as from recordings' custom events.
  await sql`alter table messages drop constraint messages_session_id_fkey`.execute(db);
  await db.schema
    .alterTable('messages')
    .addColumn('source', 'text', (col) =>
      col.notNull().defaultTo('recording').check(sql`source in ('recording', 'chat')`),
    )
    .addColumn('unanswered', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('client_id', 'text')
    .addColumn('author', 'text')
    .execute();
  await sql`alter table messages alter column source_seq drop not null, alter column source_index drop not null`.execute(
    db,
  );
  await sql`create unique index messages_client_key on messages (session_id, client_id) where client_id is not null`.execute(
    db,
  );
  await db.schema.createIndex('messages_by_session').on('messages').columns(['session_id', 'id']).execute();

  // Erasing or expiring a session takes its conversation with it (no foreign key since messages may come first).
  await sql`
    create function sessions_delete_conversations() returns trigger language plpgsql as $$
    begin
      delete from messages where session_id in (select id from old_rows);
      delete from conversations where id in (select id from old_rows);
      return null;
    end $$`.execute(db);
  await sql`
    create trigger sessions_delete_conversations after delete on sessions
    referencing old table as old_rows for each statement execute function sessions_delete_conversations()`.execute(db);

  await db.schema
    .createTable('responder_settings')
    .addColumn('application_id', 'uuid', (col) => col.primaryKey().references('applications.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('knowledge', 'openai', 'webhook')`))
    .addColumn('openai_base_url', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('openai_model', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('openai_system_prompt', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('openai_temperature', 'real', (col) => col.notNull().defaultTo(0.3))
    .addColumn('openai_max_tokens', 'integer', (col) => col.notNull().defaultTo(400))
    // Secrets sealed with AES-256-GCM under the server's secret key (see chat/secret-box.ts).
    .addColumn('openai_api_key_sealed', 'text')
    .addColumn('webhook_url', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('webhook_secret_sealed', 'text')
    .addColumn('operator_quiet_minutes', 'integer', (col) => col.notNull().defaultTo(10))
    .addColumn('timeout_seconds', 'integer', (col) => col.notNull().defaultTo(30))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('knowledge_entries')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('application_id', 'uuid', (col) => col.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('question', 'text', (col) => col.notNull())
    .addColumn('answer', 'text', (col) => col.notNull())
    .addColumn('link', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('knowledge_entries_by_app').on('knowledge_entries').column('application_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('knowledge_entries').execute();
  await db.schema.dropTable('responder_settings').execute();
  await sql`drop trigger if exists sessions_delete_conversations on sessions`.execute(db);
  await sql`drop function if exists sessions_delete_conversations()`.execute(db);
  await sql`drop index if exists messages_by_session`.execute(db);
  await sql`drop index if exists messages_client_key`.execute(db);
  await sql`delete from messages where source = 'chat'`.execute(db);
  await db.schema
    .alterTable('messages')
    .dropColumn('source')
    .dropColumn('unanswered')
    .dropColumn('client_id')
    .dropColumn('author')
    .execute();
  await db.schema.dropTable('conversations').execute();
}
