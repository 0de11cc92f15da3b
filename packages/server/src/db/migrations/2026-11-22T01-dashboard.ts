import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration after it has landed; add a new file instead.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('owner', 'admin', 'viewer')`))
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_sign_in_at', 'timestamptz')
    .execute();
  await sql`create unique index users_email_key on users (lower(email))`.execute(db);

  // Which applications a viewer may see (owners and admins see all).
  await db.schema
    .createTable('user_applications')
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('application_id', 'uuid', (col) => col.notNull().references('applications.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('user_applications_pkey', ['user_id', 'application_id'])
    .execute();

  // Sign-in sessions (the cookie holds a random token; only its SHA-256 is stored).
  await db.schema
    .createTable('auth_sessions')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('last_seen_at', 'timestamptz', (col) => col.notNull())
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('address', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('auth_sessions_by_user').on('auth_sessions').column('user_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('prefix', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('api_tokens_by_user').on('api_tokens').column('user_id').execute();

  // One-time links: the owner's setup link (kind 'setup') and invitations (kind 'invite').
  await db.schema
    .createTable('invites')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('setup', 'invite')`))
    .addColumn('email', 'text')
    .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('owner', 'admin', 'viewer')`))
    .addColumn('app_ids', sql`uuid[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();

  // The access log. Append-only: no route edits or deletes it, and the database refuses to.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (col) => col.primaryKey())
    .addColumn('at', 'timestamptz', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('user_id', 'uuid')
    .addColumn('user_email', 'text')
    .addColumn('application_id', 'uuid')
    .addColumn('session_id', 'text')
    .addColumn('details', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('address', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('audit_log_by_at').on('audit_log').columns(['at desc', 'id desc']).execute();
  await sql`
    create function audit_log_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'the access log is append-only';
    end $$`.execute(db);
  await sql`
    create trigger audit_log_append_only before update or delete on audit_log
    for each statement execute function audit_log_is_append_only()`.execute(db);

  // Chat messages taken from the recordings' `hindsight.message` custom events (the chat issue adds its own).
  await db.schema
    .createTable('messages')
    .addColumn('id', 'bigserial', (col) => col.primaryKey())
    .addColumn('application_id', 'uuid', (col) => col.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('session_id', 'text', (col) => col.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('at', 'timestamptz', (col) => col.notNull())
    // rrweb timestamp of the custom event: places the message in the replay.
    .addColumn('timestamp', 'bigint', (col) => col.notNull())
    .addColumn('source_seq', 'integer', (col) => col.notNull())
    .addColumn('source_index', 'integer', (col) => col.notNull())
    .addUniqueConstraint('messages_source_key', ['session_id', 'source_seq', 'source_index'])
    .execute();
  await sql`create index messages_prompts_by_app on messages (application_id, at desc, id desc)
    where role = 'visitor'`.execute(db);

  await createActivityCounters(db);
}

/**
 * Per-application counters the dashboard reads instead of counting a million rows: sessions created and active,
 * events of completed sessions (active ones are summed live: few rows, and their counts move with every batch),
 * and sessions/prompts per hour for the activity chart. Triggers keep them right whichever path writes
 * (ingest, sweepers, erasure, seeding), and never touch the per-batch update (it does not set `status`).
 */
async function createActivityCounters(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('application_counters')
    .addColumn('application_id', 'uuid', (col) => col.primaryKey().references('applications.id').onDelete('cascade'))
    .addColumn('sessions', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('active', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('completed_events', 'bigint', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('activity_hours')
    .addColumn('application_id', 'uuid', (col) => col.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('hour', 'timestamptz', (col) => col.notNull())
    .addColumn('sessions', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('prompts', 'integer', (col) => col.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('activity_hours_pkey', ['application_id', 'hour'])
    .execute();
  // Sessions recorded before this migration.
  await sql`
    insert into application_counters (application_id, sessions, active, completed_events)
    select application_id, count(*), count(*) filter (where status = 'active'),
           coalesce(sum(event_count) filter (where status = 'completed'), 0)
    from sessions group by application_id`.execute(db);
  await sql`
    insert into activity_hours (application_id, hour, sessions)
    select application_id, date_trunc('hour', started_at), count(*) from sessions group by 1, 2`.execute(db);

  await sql`
    create function sessions_count_inserted() returns trigger language plpgsql as $$
    begin
      insert into application_counters as c (application_id, sessions, active, completed_events)
        select application_id, count(*), count(*) filter (where status = 'active'),
               coalesce(sum(event_count) filter (where status = 'completed'), 0)
        from new_rows group by application_id
      on conflict (application_id) do update set
        sessions = c.sessions + excluded.sessions,
        active = c.active + excluded.active,
        completed_events = c.completed_events + excluded.completed_events;
      insert into activity_hours as h (application_id, hour, sessions)
        select application_id, date_trunc('hour', started_at), count(*) from new_rows group by 1, 2
      on conflict (application_id, hour) do update set sessions = h.sessions + excluded.sessions;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger sessions_counters_insert after insert on sessions
    referencing new table as new_rows for each statement execute function sessions_count_inserted()`.execute(db);

  await sql`
    create function sessions_count_deleted() returns trigger language plpgsql as $$
    begin
      update application_counters c set
        sessions = c.sessions - d.sessions, active = c.active - d.active,
        completed_events = c.completed_events - d.completed_events
      from (
        select application_id, count(*) as sessions, count(*) filter (where status = 'active') as active,
               coalesce(sum(event_count) filter (where status = 'completed'), 0) as completed_events
        from old_rows group by application_id
      ) d
      where c.application_id = d.application_id;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger sessions_counters_delete after delete on sessions
    referencing old table as old_rows for each statement execute function sessions_count_deleted()`.execute(db);

  await sql`
    create function sessions_count_completed() returns trigger language plpgsql as $$
    begin
      update application_counters set
        active = active - 1,
        completed_events = completed_events + new.event_count
      where application_id = new.application_id;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger sessions_counters_complete after update of status on sessions
    for each row when (old.status = 'active' and new.status = 'completed')
    execute function sessions_count_completed()`.execute(db);

  await sql`
    create function messages_count_prompts() returns trigger language plpgsql as $$
    begin
      insert into activity_hours as h (application_id, hour, prompts)
        select application_id, date_trunc('hour', at), count(*) from new_rows where role = 'visitor' group by 1, 2
      on conflict (application_id, hour) do update set prompts = h.prompts + excluded.prompts;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger messages_counters_insert after insert on messages
    referencing new table as new_rows for each statement execute function messages_count_prompts()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists sessions_counters_insert on sessions`.execute(db);
  await sql`drop trigger if exists sessions_counters_delete on sessions`.execute(db);
  await sql`drop trigger if exists sessions_counters_complete on sessions`.execute(db);
  for (const table of [
    'activity_hours',
    'application_counters',
    'messages',
    'audit_log',
    'invites',
    'api_tokens',
    'auth_sessions',
    'user_applications',
    'users',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const fn of [
    'sessions_count_inserted',
    'sessions_count_deleted',
    'sessions_count_completed',
    'messages_count_prompts',
    'audit_log_is_append_only',
  ]) {
    await sql`drop function if exists ${sql.raw(fn)}()`.execute(db);
  }
}
