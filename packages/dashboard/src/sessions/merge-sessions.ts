import type { SessionSummary } from '@hindsight/shared';

/** The server's order: newest first by start time, ties broken by id (descending). */
function isOlder(a: SessionSummary, b: SessionSummary): boolean {
  const at = Date.parse(a.startedAt);
  const bt = Date.parse(b.startedAt);
  return at < bt || (at === bt && a.id < b.id);
}

/**
 * Folds a freshly fetched first page into the rows on screen. The fresh page is the truth for everything from
 * the newest session down to its own last row (new sessions appear, counters move, sessions that left the
 * filter disappear); rows older than that were loaded with "Load more" and stay, with their cursor.
 */
export function mergeFreshPage(
  current: { sessions: SessionSummary[]; nextCursor: string | null },
  fresh: { sessions: SessionSummary[]; nextCursor: string | null },
): { sessions: SessionSummary[]; nextCursor: string | null } {
  const last = fresh.sessions.at(-1);
  // A complete first page is the whole list.
  if (fresh.nextCursor === null || !last) return { sessions: fresh.sessions, nextCursor: fresh.nextCursor };
  const older = current.sessions.filter((session) => isOlder(session, last));
  if (older.length === 0) return { sessions: fresh.sessions, nextCursor: fresh.nextCursor };
  return { sessions: [...fresh.sessions, ...older], nextCursor: current.nextCursor };
}
