import pg from 'pg';

/** Rows in the `chunks` table of the database at `databaseUrl`. */
export async function countChunks(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: number }>('select count(*)::int as count from chunks');
    return rows[0]?.count ?? 0;
  } finally {
    await client.end();
  }
}
