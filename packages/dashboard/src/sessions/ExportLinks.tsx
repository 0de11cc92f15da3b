import type { SessionFilter } from '@hindsight/shared';
import { queryString } from '../api/api-path';

/** Downloads of the filtered list (the browser sends the cookie; the server answers an attachment). */
export function ExportLinks({ appId, status, q }: { appId: string; status: SessionFilter; q: string }) {
  const href = (format: 'csv' | 'json') =>
    `/api/apps/${encodeURIComponent(appId)}/sessions/export${queryString({ format, status, q })}`;
  return (
    <span class="export">
      <a class="button button-small" href={href('csv')} download>
        Export CSV
      </a>
      <a class="button button-small" href={href('json')} download>
        Export JSON
      </a>
    </span>
  );
}
