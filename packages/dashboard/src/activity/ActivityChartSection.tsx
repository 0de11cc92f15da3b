import type { ActivityChartResponse, ChartRange } from '@hindsight/shared';
import { formatCount } from '../format/format-duration';
import { useSignedIn } from '../session-context';
import { FilterTabs } from '../ui/FilterTabs';
import { ErrorBanner, Loading } from '../ui/states';
import { useAsync } from '../ui/use-async';
import { useVisibleInterval } from '../ui/use-visible-interval';
import { ActivityChart, CHART_RANGE_LABELS } from './ActivityChart';

const RANGES: readonly ChartRange[] = ['24h', '30d'];

/** The chart with its range switch and totals. */
export function ActivityChartSection(props: {
  appId: string;
  range: ChartRange;
  /** Redraw with fresh counts this often while the tab is visible. */
  refreshMs: number;
  hrefFor(range: ChartRange): string;
}) {
  const { api } = useSignedIn();
  const path = `/apps/${encodeURIComponent(props.appId)}/activity/chart?range=${props.range}`;
  const chart = useAsync(`${props.appId}|${props.range}`, (signal) => api.get<ActivityChartResponse>(path, { signal }));
  useVisibleInterval(
    async () => {
      const fresh = await api.get<ActivityChartResponse>(path);
      chart.setData(() => fresh);
    },
    props.refreshMs,
    chart.data !== undefined,
  );
  return (
    <section class="card chart-card" aria-labelledby="chart-title">
      <div class="toolbar">
        <h2 id="chart-title">{CHART_RANGE_LABELS[props.range]}</h2>
        <FilterTabs
          label="Chart range"
          current={props.range}
          tabs={RANGES.map((range) => ({
            value: range,
            label: range === '24h' ? '24 hours' : '30 days',
            href: props.hrefFor(range),
          }))}
        />
      </div>
      {chart.data && (
        <dl class="counts counts-small" aria-label="Totals">
          <div class="count" data-count="sessions">
            <dt>Sessions</dt>
            <dd>{formatCount(chart.data.totals.sessions)}</dd>
          </div>
          <div class="count" data-count="prompts">
            <dt>Prompts</dt>
            <dd>{formatCount(chart.data.totals.prompts)}</dd>
          </div>
        </dl>
      )}
      {chart.error != null && <ErrorBanner error={chart.error} onRetry={chart.reload} />}
      {chart.data ? <ActivityChart chart={chart.data} /> : chart.error == null && <Loading label="Loading chart…" />}
    </section>
  );
}
