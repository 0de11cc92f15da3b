import {
  activityChart,
  activityPage,
  type Keyset,
  PAGE_SIZE,
  type Statement,
  sessionCounts,
  sessionsPage,
} from './queries/dashboard-sql';

/** One dashboard read measured over HTTP and, as its baseline, as bare SQL. */
export interface BenchCase {
  /** e.g. `sessions status=active`. */
  name: string;
  /** 1: the first page; 2: the page after it (the API's cursor, and the same keyset in SQL). */
  page: 1 | 2;
  /** Path and query, given the application and (page 2) the cursor from page 1's answer. */
  path(appId: string, cursor?: string): string;
  /** The statements the route needs at the least, run back to back on one connection. */
  statements(appId: string, after?: Keyset): Statement[];
  /** How page 1's SQL rows give page 2's keyset (the last row shown). */
  keysetOf?(rows: Record<string, unknown>[]): Keyset | undefined;
}

/** The keyset of a full page's last row (the server answers a cursor only after a full page). */
const lastShown = (rows: Record<string, unknown>[], at: string, kind?: string): Keyset | undefined => {
  const row = rows.length === PAGE_SIZE ? rows.at(-1) : undefined;
  if (!row) return undefined;
  return { at: String(row[at]), id: String(row.id), ...(kind ? { kind: String(row[kind]) } : {}) };
};

const withCursor = (base: string, cursor?: string) =>
  cursor === undefined ? base : `${base}&cursor=${encodeURIComponent(cursor)}`;

function sessionsCases(): BenchCase[] {
  return (['all', 'active', 'completed'] as const).flatMap((status) =>
    ([1, 2] as const).map((page) => ({
      name: `sessions status=${status}`,
      page,
      path: (appId: string, cursor?: string) => withCursor(`/api/apps/${appId}/sessions?status=${status}`, cursor),
      statements: (appId: string, after?: Keyset) => [sessionsPage(appId, status, after), sessionCounts(appId)],
      keysetOf: (rows: Record<string, unknown>[]) => lastShown(rows, 'cursor_started_at'),
    })),
  );
}

function activityCases(): BenchCase[] {
  return (['all', 'prompts', 'sessions'] as const).flatMap((type) =>
    ([1, 2] as const).map((page) => ({
      name: `activity type=${type}`,
      page,
      path: (appId: string, cursor?: string) => withCursor(`/api/apps/${appId}/activity?type=${type}`, cursor),
      statements: (appId: string, after?: Keyset) => [activityPage(appId, type, after)],
      keysetOf: (rows: Record<string, unknown>[]) => lastShown(rows, 'cursor_at', 'kind'),
    })),
  );
}

function chartCases(): BenchCase[] {
  return (['24h', '30d'] as const).map((range) => ({
    name: `chart range=${range}`,
    page: 1,
    path: (appId: string) => `/api/apps/${appId}/activity/chart?range=${range}`,
    statements: (appId: string) => [activityChart(appId, range)],
  }));
}

/** Every case, first pages before page 2s. */
export const BENCH_CASES: readonly BenchCase[] = [...sessionsCases(), ...activityCases(), ...chartCases()].sort(
  (a, b) => a.page - b.page,
);
