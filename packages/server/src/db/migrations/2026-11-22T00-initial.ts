import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration after it has landed; add a new file instead.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('applications')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('public_key', 'text', (col) => col.notNull().unique())
    .addColumn('allowed_origins', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('retention_days', 'integer', (col) => col.notNull().check(sql`retention_days between 1 and 3650`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('application_id', 'uuid', (col) => col.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('visitor_id', 'text')
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('active', 'completed')`))
    .addColumn('end_reason', 'text', (col) =>
      col.check(sql`end_reason in ('chat_ended', 'left', 'idle', 'max_duration')`),
    )
    .addColumn('started_at', 'timestamptz', (col) => col.notNull())
    .addColumn('last_activity_at', 'timestamptz', (col) => col.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addColumn('pagehide_at', 'timestamptz')
    .addColumn('landing_url', 'text')
    // Sequence number of the batch the landing URL came from: out-of-order batches keep the earliest page.
    .addColumn('landing_seq', 'integer')
    // Highest sequence number received: only the newest batch may mark or clear a pagehide.
    .addColumn('last_seq', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('referrer', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('browser', 'text')
    .addColumn('os', 'text')
    .addColumn('device', 'text')
    .addColumn('viewport_width', 'integer')
    .addColumn('viewport_height', 'integer')
    .addColumn('page_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('event_count', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('chunk_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('compressed_bytes', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('raw_bytes', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('dropped_events', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('replayable', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('first_timestamp', 'bigint')
    .addColumn('last_timestamp', 'bigint')
    .addCheckConstraint(
      'sessions_completed_has_end',
      sql`(status = 'active') = (end_reason is null and ended_at is null)`,
    )
    .execute();
  // Every batch updates its session's row: leave room on each page so the new row version fits beside the old
  // one (a HOT update) instead of moving to another page.
  await sql`alter table sessions set (fillfactor = 70)`.execute(db);

  // The dashboard lists an application's sessions newest first, optionally by status (keyset on started_at, id).
  await db.schema
    .createIndex('sessions_by_app_started')
    .on('sessions')
    .columns(['application_id', 'started_at desc', 'id desc'])
    .execute();
  await db.schema
    .createIndex('sessions_by_app_status_started')
    .on('sessions')
    .columns(['application_id', 'status', 'started_at desc', 'id desc'])
    .execute();
  // The lifecycle sweeper only ever looks at active sessions: a small partial index keeps it cheap. It indexes
  // started_at, not last_activity_at: every batch moves last_activity_at, and an indexed column that changes
  // rules out PostgreSQL's HOT updates (the row rewritten in place, no new entry in every index).
  await db.schema
    .createIndex('sessions_active_by_started')
    .on('sessions')
    .column('started_at')
    .where(sql.ref('status'), '=', 'active')
    .execute();
  await db.schema
    .createIndex('sessions_by_app_visitor')
    .on('sessions')
    .columns(['application_id', 'visitor_id'])
    .where('visitor_id', 'is not', null)
    .execute();

  await db.schema
    .createTable('chunks')
    .addColumn('session_id', 'text', (col) => col.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (col) => col.notNull().check(sql`seq >= 0`))
    .addColumn('first_timestamp', 'bigint', (col) => col.notNull())
    .addColumn('last_timestamp', 'bigint', (col) => col.notNull())
    .addColumn('event_count', 'integer', (col) => col.notNull())
    .addColumn('raw_bytes', 'integer', (col) => col.notNull())
    .addColumn('data', 'bytea', (col) => col.notNull())
    .addColumn('received_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('chunks_pkey', ['session_id', 'seq'])
    .execute();
  // The bodies are gzip already: skip PostgreSQL's own (pglz) compression attempt on every insert.
  await sql`alter table chunks alter column data set storage external`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('chunks').execute();
  await db.schema.dropTable('sessions').execute();
  await db.schema.dropTable('applications').execute();
}
