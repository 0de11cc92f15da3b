import { Kysely, PostgresDialect } from 'kysely';
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

/** Opens a pooled kysely instance. Call `db.destroy()` to close the pool. */
export function createDatabase(options: DatabaseOptions): Db {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', (error) => options.onPoolError?.(error));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
