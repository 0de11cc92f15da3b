import pg from 'pg';

/**
 * Lists the process ids of the PostgreSQL backends connected to one database (the server's pool), so their
 * CPU time can be read from /proc like the server's: that is where the SQL part of each batch runs.
 */
export async function listBackendPids(databaseUrl: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    return rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}
