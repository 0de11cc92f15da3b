import type { AuditResponse, UserSummary } from '@hindsight/shared';
import { queryString } from '../api/api-path';
import { useLocation } from '../router/use-location';
import { can, useSignedIn } from '../session-context';
import { LoadMore } from '../ui/LoadMore';
import { Empty, ErrorBanner, Loading } from '../ui/states';
import { useAsync } from '../ui/use-async';
import { usePagedList } from '../ui/use-paged-list';
import { useTitle } from '../use-title';
import { AuditFilters, type AuditFilterValues } from './AuditFilters';
import { AuditTable } from './AuditTable';

/** `/audit?action=&userId=&appId=`: who did what, read-only, with CSV / JSON export. */
export function AuditPage() {
  const { api, apps, me } = useSignedIn();
  const { query } = useLocation();
  useTitle('Access log');
  const values: AuditFilterValues = {
    action: query.get('action') ?? '',
    userId: query.get('userId') ?? '',
    appId: query.get('appId') ?? '',
  };
  const listPath = (cursor?: string) => `/audit${queryString({ ...values, cursor })}`;
  const list = useAsync(`${values.action}|${values.userId}|${values.appId}`, (signal) =>
    api.get<AuditResponse>(listPath(), { signal }),
  );
  const users = useAsync('users', (signal) =>
    can(me, 'users.manage') ? api.get<{ users: UserSummary[] }>('/users', { signal }) : Promise.resolve(undefined),
  );
  const more = usePagedList(async (cursor) => {
    const page = await api.get<AuditResponse>(listPath(cursor));
    return { items: page.entries, nextCursor: page.nextCursor };
  });
  const exportHref = (format: 'csv' | 'json') => `/api/audit/export${queryString({ format, ...values })}`;

  return (
    <>
      <div class="page-head">
        <h1>Access log</h1>
        <span class="export">
          <a class="button button-small" href={exportHref('csv')} download>
            Export CSV
          </a>
          <a class="button button-small" href={exportHref('json')} download>
            Export JSON
          </a>
        </span>
      </div>
      <AuditFilters
        values={values}
        apps={apps}
        users={users.data?.users}
        hrefFor={(next) => `/audit${queryString({ ...next })}`}
      />
      {list.error != null && <ErrorBanner error={list.error} onRetry={list.reload} />}
      {list.data === undefined ? (
        list.error == null && <Loading label="Loading the access log…" />
      ) : list.data.entries.length === 0 ? (
        <Empty title="No entries match." />
      ) : (
        <div class="results" aria-busy={list.loading}>
          <AuditTable entries={list.data.entries} apps={apps} />
          {list.data.nextCursor && (
            <LoadMore
              busy={more.busy}
              error={more.error}
              onClick={() =>
                more.more(list.data!.nextCursor!, (items, nextCursor) =>
                  list.setData((current) =>
                    current ? { entries: [...current.entries, ...items], nextCursor } : current,
                  ),
                )
              }
            />
          )}
        </div>
      )}
    </>
  );
}
