import type { ActivityFilter, ActivityResponse, AppSummary, ChartRange } from '@hindsight/shared';
import { queryString } from '../api/api-path';
import { navigate } from '../router/history';
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
import { ActivityChartSection } from './ActivityChartSection';
import { ActivityFeed } from './ActivityFeed';
import { mergeFreshActivity } from './merge-activity';
import { UnansweredToggle } from './UnansweredToggle';

/** New prompts and sessions show up while you watch: the feed refreshes this often while the tab is visible. */
export const ACTIVITY_REFRESH_MS = 5_000;

const TYPES: readonly { value: ActivityFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'prompts', label: 'Prompts' },
  { value: 'sessions', label: 'Sessions' },
];

function readType(value: string | null): ActivityFilter {
  return value === 'prompts' || value === 'sessions' ? value : 'all';
}

function readRange(value: string | null): ChartRange {
  return value === '30d' ? '30d' : '24h';
}

/** `/apps/:appId/activity?type=&range=&unanswered=1`: the chart of sessions and prompts, then the feed, newest first. */
export function ActivityPage({ app }: { app: AppSummary }) {
  const { api, me } = useSignedIn();
  const { query } = useLocation();
  const type = readType(query.get('type'));
  const range = readRange(query.get('range'));
  const onlyUnanswered = query.get('unanswered') === '1' && type !== 'sessions';
  useTitle('Activity', app.name);

  const pageUrl = (next: { type?: ActivityFilter; range?: ChartRange; unanswered?: boolean }) => {
    const nextType = next.type ?? type;
    const nextRange = next.range ?? range;
    const nextUnanswered = (next.unanswered ?? onlyUnanswered) && nextType !== 'sessions';
    return `${appPath(app.id, 'activity')}${queryString({
      type: nextType === 'all' ? undefined : nextType,
      range: nextRange === '24h' ? undefined : nextRange,
      unanswered: nextUnanswered ? '1' : undefined,
    })}`;
  };
  const feedPath = (cursor?: string) => `/apps/${encodeURIComponent(app.id)}/activity${queryString({ type, cursor })}`;
  const feed = useAsync(`${app.id}|${type}`, (signal) => api.get<ActivityResponse>(feedPath(), { signal }));
  const more = usePagedList(async (cursor) => api.get<ActivityResponse>(feedPath(cursor)));
  // Refresh in place: no loading state, items keep their DOM, so nothing flickers or jumps.
  useVisibleInterval(
    async () => {
      const fresh = await api.get<ActivityResponse>(feedPath());
      // Nothing on screen (the filter just changed, its first page is loading): that load is the truth.
      feed.setData((current) => current && mergeFreshActivity(current, fresh));
    },
    ACTIVITY_REFRESH_MS,
    feed.data !== undefined && !more.busy,
  );
  // The server has no "unanswered" filter: this one works on the items loaded so far (the toggle says so).
  const shown = (feed.data?.items ?? []).filter(
    (item) => !onlyUnanswered || (item.type === 'prompt' && item.unanswered),
  );

  return (
    <>
      <div class="page-head">
        <h1>Activity</h1>
      </div>
      <ActivityChartSection
        appId={app.id}
        range={range}
        refreshMs={ACTIVITY_REFRESH_MS}
        hrefFor={(next) => pageUrl({ range: next })}
      />
      <section aria-labelledby="feed-title">
        <div class="toolbar">
          <h2 id="feed-title">Latest</h2>
          <FilterTabs
            label="Show"
            current={type}
            tabs={TYPES.map((item) => ({ ...item, href: pageUrl({ type: item.value }) }))}
          />
        </div>
        {type !== 'sessions' && (
          <UnansweredToggle
            checked={onlyUnanswered}
            onChange={(checked) => navigate(pageUrl({ unanswered: checked }), { replace: true })}
          />
        )}
        {feed.error != null && <ErrorBanner error={feed.error} onRetry={feed.reload} />}
        {feed.data === undefined ? (
          feed.error == null && <Loading label="Loading activity…" />
        ) : feed.data.items.length === 0 ? (
          <Empty title="Nothing yet.">Prompts and sessions appear here as visitors chat.</Empty>
        ) : (
          <div class="results" aria-busy={feed.loading}>
            {shown.length === 0 ? (
              <Empty title="No unanswered prompts among the items loaded.">
                {feed.data.nextCursor ? 'Load more to look further back.' : 'Every prompt so far got an answer.'}
              </Empty>
            ) : (
              <ActivityFeed items={shown} appId={app.id} canAddKnowledge={can(me, 'apps.manage')} />
            )}
            {feed.data.nextCursor && (
              <LoadMore
                busy={more.busy}
                error={more.error}
                onClick={() =>
                  more.more(feed.data!.nextCursor!, (items, nextCursor) =>
                    feed.setData((current) =>
                      current ? { items: [...current.items, ...items], nextCursor } : current,
                    ),
                  )
                }
              />
            )}
          </div>
        )}
      </section>
    </>
  );
}
