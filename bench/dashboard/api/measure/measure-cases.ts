import type pg from 'pg';
import type { BenchCase } from '../bench-cases';
import type { Keyset } from '../queries/dashboard-sql';
import type { HttpClient } from './http-client';
import { type LatencySummary, summarize } from './percentiles';

/** One case's figures: over HTTP through the server, and its bare SQL through `pg`. */
export interface CaseResult {
  name: string;
  page: 1 | 2;
  path: string;
  /** Page 2: the keyset its SQL starts after. */
  after?: Keyset;
  /** Undefined when the route did not answer 200 (then only the SQL is measured). */
  http?: LatencySummary;
  sql: LatencySummary;
  /** Items in the answer and its size, from the first request. */
  items?: number;
  bytes?: number;
  /** Non-200 answers and anything else that went wrong. */
  problems: string[];
}

export interface MeasuredCases {
  /** GET /healthz in the same rounds: the framework + HTTP floor. */
  floor: LatencySummary;
  cases: CaseResult[];
}

interface Prepared {
  benchCase: BenchCase;
  path: string;
  after?: Keyset;
  httpSamples: number[];
  sqlSamples: number[];
  problems: string[];
  items?: number;
  bytes?: number;
  httpOk: boolean;
}

/**
 * Round after round, sends every case once over HTTP and runs its SQL once, plus one GET /healthz: whatever else
 * the machine does at a moment hits the server, the SQL baseline and the floor alike. Page 2 uses the cursor
 * page 1 answered (and, in SQL, the keyset of page 1's last row).
 */
export async function measureCases(options: {
  http: HttpClient;
  db: pg.Client;
  appId: string;
  cases: readonly BenchCase[];
  rounds: number;
  warmupRounds: number;
}): Promise<MeasuredCases> {
  const { http, db, appId } = options;
  const prepared: Prepared[] = [];
  const cursors = new Map<string, { cursor?: string; after?: Keyset }>();
  for (const benchCase of options.cases) {
    const from = cursors.get(benchCase.name);
    if (benchCase.page === 2 && (!from?.cursor || !from.after)) continue;
    const path = benchCase.path(appId, benchCase.page === 2 ? from?.cursor : undefined);
    const after = benchCase.page === 2 ? from?.after : undefined;
    const res = await http.get(path);
    const shown = path.replace(/cursor=[^&]+/, 'cursor=<page 1 cursor>');
    const problems = res.status === 200 ? [] : [`GET ${shown} answered ${res.status}: ${res.body.slice(0, 200)}`];
    const answer = res.status === 200 ? (JSON.parse(res.body) as Record<string, unknown>) : {};
    const items = ['sessions', 'items', 'buckets'].map((key) => answer[key]).find(Array.isArray);
    const firstSql = await db.query(benchCase.statements(appId, after)[0] as pg.QueryConfig);
    if (benchCase.page === 1) {
      cursors.set(benchCase.name, {
        cursor: typeof answer.nextCursor === 'string' ? answer.nextCursor : undefined,
        after: benchCase.keysetOf?.(firstSql.rows),
      });
    }
    prepared.push({
      benchCase,
      path,
      ...(after ? { after } : {}),
      httpSamples: [],
      sqlSamples: [],
      problems,
      items: items?.length,
      bytes: Buffer.byteLength(res.body),
      httpOk: res.status === 200,
    });
  }

  const floorSamples: number[] = [];
  for (let round = 0; round < options.warmupRounds + options.rounds; round++) {
    const measured = round >= options.warmupRounds;
    const floor = await http.get('/healthz');
    if (measured) floorSamples.push(floor.ms);
    for (const p of prepared) {
      if (p.httpOk) {
        const res = await http.get(p.path);
        if (res.status !== 200) p.problems.push(`answered ${res.status} in round ${round}`);
        if (measured) p.httpSamples.push(res.ms);
      }
      const started = performance.now();
      for (const statement of p.benchCase.statements(appId, p.after)) await db.query(statement as pg.QueryConfig);
      if (measured) p.sqlSamples.push(performance.now() - started);
    }
  }
  return {
    floor: summarize(floorSamples),
    cases: prepared.map((p) => ({
      name: p.benchCase.name,
      page: p.benchCase.page,
      path: p.path,
      ...(p.after ? { after: p.after } : {}),
      ...(p.httpOk ? { http: summarize(p.httpSamples), items: p.items, bytes: p.bytes } : {}),
      sql: summarize(p.sqlSamples),
      problems: [...new Set(p.problems)].slice(0, 5),
    })),
  };
}

/** EXPLAIN (ANALYZE, BUFFERS) of every statement of `benchCase`, as text. */
export async function explainCase(db: pg.Client, appId: string, benchCase: BenchCase, after?: Keyset): Promise<string> {
  const plans: string[] = [];
  for (const statement of benchCase.statements(appId, after)) {
    const { rows } = await db.query<{ 'QUERY PLAN': string }>({
      text: `explain (analyze, buffers) ${statement.text}`,
      values: statement.values,
    });
    plans.push(rows.map((row) => row['QUERY PLAN']).join('\n'));
  }
  return plans.join('\n\n');
}
