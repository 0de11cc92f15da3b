import type { SessionSummary } from '@hindsight/shared';
import { formatCount, formatDuration } from '../format/format-duration';
import { END_REASON_LABELS, platformLabel } from '../format/labels';
import { Link } from '../router/Link';
import { replayPath } from '../router/match-route';
import { TimeAgo } from '../ui/TimeAgo';
import { UrlText } from '../ui/UrlText';

/** The sessions as a table (cards below 640 px, see styles.css); each landing page links to the replay. */
export function SessionsTable({
  sessions,
  visitorHref,
}: {
  sessions: SessionSummary[];
  /** The list filtered to one visitor (`?q=<visitor id>`). */
  visitorHref(visitorId: string): string;
}) {
  return (
    <table class="table sessions-table">
      <caption class="visually-hidden">Sessions, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Landing page</th>
          <th scope="col">Started</th>
          <th scope="col" class="num">
            Events
          </th>
          <th scope="col" class="num">
            Duration
          </th>
          <th scope="col">Status</th>
          <th scope="col" class="num">
            Pages
          </th>
          <th scope="col">Browser / OS / device</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((session) => (
          <SessionRow key={session.id} session={session} visitorHref={visitorHref} />
        ))}
      </tbody>
    </table>
  );
}

function SessionRow({ session, visitorHref }: { session: SessionSummary; visitorHref(visitorId: string): string }) {
  return (
    <tr data-session-id={session.id} data-status={session.status}>
      <td class="cell-main">
        <Link href={replayPath(session.id)} class="row-link">
          <UrlText url={session.landingUrl} empty="Unknown page" />
        </Link>
        {!session.replayable && (
          <span class="badge badge-muted" title="No full snapshot was recorded: this session cannot be replayed">
            no replay
          </span>
        )}
        {session.visitorId && (
          <Link href={visitorHref(session.visitorId)} replace class="visitor-link" title="All sessions of this visitor">
            visitor <span class="mono">{session.visitorId}</span>
          </Link>
        )}
      </td>
      <td data-label="Started">
        <TimeAgo iso={session.startedAt} />
      </td>
      <td class="num" data-label="Events">
        {formatCount(session.eventCount)}
      </td>
      <td class="num" data-label="Duration">
        {formatDuration(session.durationMs)}
      </td>
      <td data-label="Status">
        <span class={`badge badge-${session.status}`}>{session.status === 'active' ? 'Active' : 'Completed'}</span>
        {session.endReason && (
          <span class="end-reason">{END_REASON_LABELS[session.endReason] ?? session.endReason}</span>
        )}
      </td>
      <td class="num" data-label="Pages">
        {formatCount(session.pageCount)}
      </td>
      <td data-label="Platform" class="muted">
        {platformLabel([session.browser, session.os, session.device])}
      </td>
    </tr>
  );
}
