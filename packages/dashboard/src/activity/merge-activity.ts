import type { ActivityItem } from '@hindsight/shared';

/** What tells two feed items apart (the server has no id for an item). */
export const activityKey = (item: ActivityItem) => `${item.type}:${item.sessionId}:${item.at}`;

/**
 * Folds a freshly fetched first page of the feed into the items on screen, as the Sessions page does: the fresh
 * page is the truth from the newest item down to its own last one (new prompts and sessions appear, an
 * unanswered flag moves); items older than that were loaded with "Load more" and stay, with their cursor.
 */
export function mergeFreshActivity(
  current: { items: ActivityItem[]; nextCursor: string | null },
  fresh: { items: ActivityItem[]; nextCursor: string | null },
): { items: ActivityItem[]; nextCursor: string | null } {
  const last = fresh.items.at(-1);
  if (fresh.nextCursor === null || !last) return fresh;
  const lastAt = Date.parse(last.at);
  const seen = new Set(fresh.items.map(activityKey));
  const older = current.items.filter((item) => {
    const at = Date.parse(item.at);
    return at < lastAt || (at === lastAt && !seen.has(activityKey(item)));
  });
  if (older.length === 0) return fresh;
  return { items: [...fresh.items, ...older], nextCursor: current.nextCursor };
}
