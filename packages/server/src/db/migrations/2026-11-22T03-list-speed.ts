import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration after it has landed; add a new file instead.

/**
 * Keeps the Sessions page fast at millions of sessions (bench/dashboard/api):
 * - events of active sessions as a counter (refreshed by the lifecycle sweeper, moved by the triggers when a
 *   session completes or is deleted), so the counts need not sum thousands of rows on every request;
 * - per-status partial indexes, so `status=completed` does not walk past every newer active session.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('application_counters')
    .addColumn('active_events', 'bigint', (col) => col.notNull().defaultTo(0))
    .execute();
  await sql`
    update application_counters c set active_events = s.events
    from (select application_id, sum(event_count) as events from sessions where status = 'active' group by 1) s
    where s.application_id = c.application_id`.execute(db);

  await sql`
    create or replace function sessions_count_inserted() returns trigger language plpgsql as $$
    begin
      insert into application_counters as c (application_id, sessions, active, completed_events, active_events)
        select application_id, count(*), count(*) filter (where status = 'active'),
               coalesce(sum(event_count) filter (where status = 'completed'), 0),
               coalesce(sum(event_count) filter (where status = 'active'), 0)
        from new_rows group by application_id
      on conflict (application_id) do update set
        sessions = c.sessions + excluded.sessions,
        active = c.active + excluded.active,
        completed_events = c.completed_events + excluded.completed_events,
        active_events = c.active_events + excluded.active_events;
      insert into activity_hours as h (application_id, hour, sessions)
        select application_id, date_trunc('hour', started_at), count(*) from new_rows group by 1, 2
      on conflict (application_id, hour) do update set sessions = h.sessions + excluded.sessions;
      return null;
    end $$`.execute(db);
  await sql`
    create or replace function sessions_count_deleted() returns trigger language plpgsql as $$
    begin
      update application_counters c set
        sessions = c.sessions - d.sessions, active = c.active - d.active,
        completed_events = c.completed_events - d.completed_events,
        active_events = greatest(c.active_events - d.active_events, 0)
      from (
        select application_id, count(*) as sessions, count(*) filter (where status = 'active') as active,
               coalesce(sum(event_count) filter (where status = 'completed'), 0) as completed_events,
               coalesce(sum(event_count) filter (where status = 'active'), 0) as active_events
        from old_rows group by application_id
      ) d
      where c.application_id = d.application_id;
      return null;
    end $$`.execute(db);
  await sql`
    create or replace function sessions_count_completed() returns trigger language plpgsql as $$
    begin
      update application_counters set
        active = active - 1,
        completed_events = completed_events + new.event_count,
        active_events = greatest(active_events - new.event_count, 0)
      where application_id = new.application_id;
      return null;
    end $$`.execute(db);

  await sql`create index sessions_completed_by_app_started on sessions (application_id, started_at desc, id desc)
    where status = 'completed'`.execute(db);
  await sql`create index sessions_active_by_app_started on sessions (application_id, started_at desc, id desc)
    where status = 'active'`.execute(db);
  await sql`drop index sessions_by_app_status_started`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index sessions_by_app_status_started on sessions (application_id, status, started_at desc, id desc)`.execute(
    db,
  );
  await sql`drop index sessions_active_by_app_started`.execute(db);
  await sql`drop index sessions_completed_by_app_started`.execute(db);
  await db.schema.alterTable('application_counters').dropColumn('active_events').execute();
}
