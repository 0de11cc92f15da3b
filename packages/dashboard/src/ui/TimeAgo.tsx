import { exactTime, relativeTime } from '../format/relative-time';

/** "5 minutes ago", with the exact time on hover and for machines (`datetime`). */
export function TimeAgo({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={exactTime(iso)}>
      {relativeTime(iso)}
    </time>
  );
}
