import type { AppSummary, SessionFilter, SessionsResponse } from '@hindsight/shared';
import { queryString } from '../api/api-path';
import { formatCount } from '../format/format-duration';
import { appPath } from '../router/match-route';
import { useLocation } from '../router/use-location';
import { can, useSignedIn } from '../session-context';
import { FilterTabs } from '../ui/FilterTabs';
import { LoadMore } from '../ui/LoadMore';
import { Empty, ErrorBanner, Loading } from '../ui/states';
import { useAsync } from '../ui/use-async';
import { usePagedList } from '../ui/use-paged-list';
import { useVisibleInterval } from '../ui/use-visible-interval';
import { useTitle } from '../use-title';
import { EraseVisitorButton } from './EraseVisitorButton';
import { ExportLinks } from './ExportLinks';
import { mergeFreshPage } from './merge-sessions';
import { SearchBox } from './SearchBox';
import { SessionCounts } from './SessionCounts';
import { SessionsTable } from './SessionsTable';

/** Active sessions move while you watch: the list refreshes this often while the tab is visible. */
export const REFRESH_INTERVAL_MS = 5_000;
const PAGE_SIZE = 50;
const FILTERS: readonly { value: SessionFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'active', label: 'Active' },
  { value: 'completed', label: 'Completed' },
];

function readFilter(value: string | null): SessionFilter {
  return value === 'active' || value === 'completed' ? value : 'all';
}

/** `/apps/:appId/sessions?status=&q=`: counts, filters, search and the newest sessions first. */
export function SessionsPage({ app }: { app: AppSummary }) {
  const { api, me } = useSignedIn();
  const { query } = useLocation();
  const status = readFilter(query.get('status'));
  const q = query.get('q')?.trim() ?? '';
  useTitle('Sessions', app.name);

  const base = `/apps/${encodeURIComponent(app.id)}/sessions`;
  const pagePath = (cursor?: string) =>
    `${base}${queryString({ status: status === 'all' ? undefined : status, q, cursor, limit: PAGE_SIZE })}`;
  const list = useAsync(`${app.id}|${status}|${q}`, (signal) => api.get<SessionsResponse>(pagePath(), { signal }));
  const more = usePagedList(async (cursor) => {
    const page = await api.get<SessionsResponse>(pagePath(cursor));
    return { items: page.sessions, nextCursor: page.nextCursor };
  });

  // Refresh in place: no loading state, rows keep their DOM (keyed by id), so nothing flickers or jumps.
  useVisibleInterval(
    async () => {
      const fresh = await api.get<SessionsResponse>(pagePath());
      list.setData((current) => (current ? { ...mergeFreshPage(current, fresh), counts: fresh.counts } : fresh));
    },
    REFRESH_INTERVAL_MS,
    list.data !== undefined && !more.busy,
  );

  const pageUrl = (next: { status?: SessionFilter; q?: string }) => {
    const nextStatus = next.status ?? status;
    const nextQ = next.q ?? q;
    return `${appPath(app.id, 'sessions')}${queryString({ status: nextStatus === 'all' ? undefined : nextStatus, q: nextQ })}`;
  };
  const counts = list.data?.counts;

  return (
    <>
      <div class="page-head">
        <h1>Sessions</h1>
        <div class="page-actions">
          {can(me, 'recordings.download') && <ExportLinks appId={app.id} status={status} q={q} />}
          {can(me, 'apps.manage') && <EraseVisitorButton appId={app.id} search={q} onErased={list.reload} />}
        </div>
      </div>
      <SessionCounts counts={counts} />
      <div class="toolbar">
        <FilterTabs
          label="Filter sessions by status"
          current={status}
          tabs={FILTERS.map((filter) => ({
            ...filter,
            href: pageUrl({ status: filter.value }),
            count: counts ? formatCount(filter.value === 'all' ? counts.total : counts[filter.value]) : undefined,
          }))}
        />
        <SearchBox value={q} hrefFor={(text) => pageUrl({ q: text })} />
      </div>
      {list.error != null && <ErrorBanner error={list.error} onRetry={list.reload} />}
      {list.data === undefined ? (
        list.error == null && <Loading label="Loading sessions…" />
      ) : list.data.sessions.length === 0 ? (
        <EmptySessions app={app} filtered={q !== '' || status !== 'all'} />
      ) : (
        <div class="results" aria-busy={list.loading}>
          <SessionsTable sessions={list.data.sessions} visitorHref={(visitorId) => pageUrl({ q: visitorId })} />
          {list.data.nextCursor && (
            <LoadMore
              busy={more.busy}
              error={more.error}
              onClick={() =>
                more.more(list.data!.nextCursor!, (items, nextCursor) =>
                  list.setData((current) =>
                    current ? { ...current, sessions: [...current.sessions, ...items], nextCursor } : current,
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

function EmptySessions({ app, filtered }: { app: AppSummary; filtered: boolean }) {
  if (filtered) return <Empty title="No sessions match.">Try another filter or search.</Empty>;
  return (
    <Empty title="No sessions recorded yet.">
      Paste the script tag from Settings into your site; sessions appear here as visitors chat. Public key:{' '}
      <code>{app.publicKey}</code>
    </Empty>
  );
}
