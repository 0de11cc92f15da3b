import { type CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

const INT8_OID = 20;
// Counters are bigint in SQL but stay far below 2^53 in practice; numbers are what the code wants.
pg.types.setTypeParser(INT8_OID, (value) => Number(value));

export interface DatabaseOptions {
  connectionString: string;
  /** Connections in this process's pool. */
  poolSize?: number;
  /** How long a request waits for a free connection before the database counts as unavailable. */
  connectionTimeoutMs?: number;
  /** Per-statement cap, so a stuck query cannot hold a connection forever. */
  statementTimeoutMs?: number;
  /** Called for errors on idle connections (e.g. the server restarted); without a handler pg crashes the process. */
  onPoolError?: (error: Error) => void;
}

export type Db = Kysely<Database>;

const pools = new WeakMap<object, pg.Pool>();
/** Per pool: how to open one more connection outside it, and the ones open now (closed with the pool). */
const outside = new WeakMap<object, { config: pg.ClientConfig; clients: Set<pg.Client> }>();
/** Per pool: resolves once every connection it opened has finished closing. */
const allClosed = new WeakMap<object, () => Promise<void>>();

/** How long closing waits for connections to say goodbye before it stops waiting. */
const CLOSE_WAIT_MS = 2_000;

/**
 * Runs a compiled kysely query as a named prepared statement: PostgreSQL parses and plans it once per
 * connection instead of on every call. For the ingest hot path, whose one statement is a multi-CTE query
 * whose planning costs more than its execution.
 */
export async function executePrepared<Row>(db: Db, name: string, query: CompiledQuery<Row>): Promise<Row[]> {
  const pool = pools.get(db);
  // Not a pool this module made (e.g. a transaction): run it the ordinary way.
  if (!pool) return (await db.executeQuery(query)).rows;
  const result = await pool.query({ name, text: query.sql, values: query.parameters as unknown[] });
  return result.rows as Row[];
}

/** Opens a pooled kysely instance. `closeDatabase(db)` closes it. */
export function createDatabase(options: DatabaseOptions): Db {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', (error) => options.onPoolError?.(error));
  let open = 0;
  let settle: (() => void) | undefined;
  pool.on('connect', () => void open++);
  pool.on('remove', () => {
    open--;
    if (open === 0) settle?.();
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  outside.set(db, {
    config: {
      connectionString: options.connectionString,
      connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    },
    clients: new Set(),
  });
  allClosed.set(db, () =>
    open === 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          settle = resolve;
          setTimeout(resolve, CLOSE_WAIT_MS).unref();
        }),
  );
  return db;
}

/**
 * Opens one connection of its own to `db`'s database, outside the pool (for LISTEN, which holds a connection for
 * good). It is not connected yet; `closeDatabase(db)` closes it with the pool.
 */
export function openOutsideConnection(db: Db): pg.Client {
  const entry = outside.get(db);
  if (!entry) throw new Error('openOutsideConnection: not a database opened by createDatabase');
  const client = new pg.Client(entry.config);
  entry.clients.add(client);
  client.once('end', () => entry.clients.delete(client));
  return client;
}

/**
 * Closes the pool and waits until its connections have actually closed. pg's `pool.end()` resolves as soon as it
 * has asked them to, so stopping PostgreSQL right after it (the embedded database at shutdown) would cut them
 * off mid-goodbye, and each would report "terminating connection due to administrator command".
 */
export async function closeDatabase(db: Db): Promise<void> {
  const closed = allClosed.get(db);
  await Promise.all([...(outside.get(db)?.clients ?? [])].map((client) => client.end().catch(() => undefined)));
  await db.destroy();
  await closed?.();
}
