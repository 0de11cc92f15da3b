import type { AppSummary, AuditEntry } from '@hindsight/shared';
import { Link } from '../router/Link';
import { replayPath } from '../router/match-route';
import { TimeAgo } from '../ui/TimeAgo';
import { AUDIT_ACTION_LABELS, detailsText } from './audit-labels';

/** The access log, newest first; every value is text (user agents and details come from requests). */
export function AuditTable({ entries, apps }: { entries: AuditEntry[]; apps: AppSummary[] }) {
  const appName = (id: string) => apps.find((app) => app.id === id)?.name ?? id;
  return (
    <table class="table audit-table">
      <caption class="visually-hidden">Access log, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">Action</th>
          <th scope="col">Application</th>
          <th scope="col">Session</th>
          <th scope="col">Address</th>
          <th scope="col">User agent</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id} data-action={entry.action}>
            <td data-label="When">
              <TimeAgo iso={entry.at} />
            </td>
            <td data-label="Who">{entry.userEmail ?? <span class="muted">—</span>}</td>
            <td data-label="Action">
              <span title={entry.action}>{AUDIT_ACTION_LABELS[entry.action] ?? entry.action}</span>
            </td>
            <td data-label="Application">{entry.appId ? appName(entry.appId) : <span class="muted">—</span>}</td>
            <td data-label="Session">
              {entry.sessionId ? (
                <Link href={replayPath(entry.sessionId)} class="mono truncate">
                  {entry.sessionId}
                </Link>
              ) : (
                <span class="muted">—</span>
              )}
            </td>
            <td data-label="Address" class="mono">
              {entry.address ?? '—'}
            </td>
            <td data-label="User agent">
              <span class="truncate" title={entry.userAgent ?? undefined}>
                {entry.userAgent ?? '—'}
              </span>
            </td>
            <td data-label="Details" class="details">
              {detailsText(entry.details) || '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
