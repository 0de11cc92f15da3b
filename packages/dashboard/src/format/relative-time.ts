const SECOND_MS = 1_000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Past this, a date says more than "N days ago". */
const RELATIVE_LIMIT_MS = 7 * DAY_MS;
const JUST_NOW_MS = 45 * SECOND_MS;

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'long' });

/** "just now", "5 minutes ago", "3 hours ago", "yesterday", then a short date ("Nov 3" or "Nov 3, 2025"). */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '—';
  const ago = now - at;
  // A clock a little ahead of ours still reads as "just now", never "in 3 seconds".
  if (ago < JUST_NOW_MS) return 'just now';
  if (ago < HOUR_MS) return relative.format(-Math.floor(ago / MINUTE_MS), 'minute');
  if (ago < DAY_MS) return relative.format(-Math.floor(ago / HOUR_MS), 'hour');
  if (ago < RELATIVE_LIMIT_MS) return relative.format(-Math.floor(ago / DAY_MS), 'day');
  const date = new Date(at);
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return date.toLocaleDateString('en', { month: 'short', day: 'numeric', ...(sameYear ? {} : { year: 'numeric' }) });
}

/** The exact local time, for a title / tooltip: "Nov 22, 2026, 14:03:07". */
export function exactTime(iso: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return new Date(at).toLocaleString('en', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
}
