import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { runCli } from './run-cli';
import { type HeapOrder, INSERT_CHUNKS, insertMessages, insertSessions, SEED_RANDOM } from './seed-statements';

/** What one seeding produced, with how long each step took. */
export interface SeededData {
  appId: string;
  sessions: number;
  active: number;
  prompts: number;
  messages: number;
  /** Wall time per step (migrate, sessions, chunks, messages, vacuum analyze), seconds. */
  seconds: Record<string, number>;
  /** Total size of the sessions table with its indexes, MB. */
  sessionsMB: number;
  /** Every way the trigger-kept counters disagree with the rows (empty when right). */
  counterProblems: string[];
}

/** A retention long enough that the retention sweep of the running server deletes nothing seeded. */
const RETENTION_DAYS = 90;

/**
 * Migrates with the real CLI (so the schema and the counter triggers are the product's), creates the one
 * application, fills sessions, chunks and messages with one INSERT ... SELECT each, then VACUUM ANALYZE (what
 * autovacuum does to a table that has settled) and checks the trigger-kept counters against the rows.
 */
export async function seedDatabase(options: {
  cli: string;
  databaseUrl: string;
  sessions: number;
  heapOrder: HeapOrder;
  log: (line: string) => void;
}): Promise<SeededData> {
  const { cli, databaseUrl, sessions, heapOrder, log } = options;
  const seconds: Record<string, number> = {};
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    seconds[name] = (performance.now() - started) / 1_000;
    log(`  ${name}: ${seconds[name]?.toFixed(1)} s`);
    return result;
  };
  await step('migrate', () => runCli(cli, ['migrate'], databaseUrl));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `insert into applications (name, public_key, retention_days) values ('Bench shop', $1, $2) returning id`,
      [`pk_bench${randomBytes(12).toString('hex').slice(0, 19)}`, RETENTION_DAYS],
    );
    const appId = rows[0]?.id as string;
    await client.query(SEED_RANDOM);
    await step('sessions', () => client.query(insertSessions(heapOrder), [appId, sessions]));
    const body = gzipSync(JSON.stringify({ events: [] }));
    await step('chunks', () => client.query(INSERT_CHUNKS, [body]));
    await step('messages', () => client.query(insertMessages(heapOrder)));
    await step('vacuum analyze', () => client.query('vacuum (analyze) sessions, chunks, messages, activity_hours'));
    return { appId, seconds, ...(await checkCounters(client, appId)) } satisfies SeededData;
  } finally {
    await client.end();
  }
}

async function checkCounters(client: pg.Client, appId: string) {
  const { rows } = await client.query<Record<string, string>>(
    `select
      (select count(*) from sessions where application_id = $1) as sessions,
      (select count(*) from sessions where application_id = $1 and status = 'active') as active,
      (select coalesce(sum(event_count), 0) from sessions where application_id = $1 and status = 'completed')
        as completed_events,
      (select count(*) from messages where application_id = $1) as messages,
      (select count(*) from messages where application_id = $1 and role = 'visitor') as prompts,
      c.sessions as counter_sessions, c.active as counter_active, c.completed_events as counter_completed_events,
      (select coalesce(sum(sessions), 0) from activity_hours where application_id = $1) as hour_sessions,
      (select coalesce(sum(prompts), 0) from activity_hours where application_id = $1) as hour_prompts,
      pg_total_relation_size('sessions') as sessions_bytes
    from application_counters c where c.application_id = $1`,
    [appId],
  );
  const row = rows[0];
  if (!row)
    return { sessions: 0, active: 0, prompts: 0, messages: 0, sessionsMB: 0, counterProblems: ['no counters row'] };
  const counterProblems = [
    ['application_counters.sessions', row.counter_sessions, row.sessions],
    ['application_counters.active', row.counter_active, row.active],
    ['application_counters.completed_events', row.counter_completed_events, row.completed_events],
    ['sum(activity_hours.sessions)', row.hour_sessions, row.sessions],
    ['sum(activity_hours.prompts)', row.hour_prompts, row.prompts],
  ]
    .filter(([, kept, counted]) => kept !== counted)
    .map(([name, kept, counted]) => `${name} is ${kept}, the rows say ${counted}`);
  return {
    sessions: Number(row.sessions),
    active: Number(row.active),
    prompts: Number(row.prompts),
    messages: Number(row.messages),
    sessionsMB: Number(row.sessions_bytes) / 1_048_576,
    counterProblems,
  };
}
