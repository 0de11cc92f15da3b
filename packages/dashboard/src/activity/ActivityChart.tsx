import type { ActivityChartResponse, ChartRange } from '@hindsight/shared';
import { formatCount } from '../format/format-duration';
import { exactTime } from '../format/relative-time';
import { barHeight, bucketLabel, labelStep, niceCeiling } from './chart-scale';

/** Plot height in SVG units; the SVG stretches to its box (CSS), so only ratios matter. */
const PLOT_UNITS = 100;
const BAR_WIDTH = 0.7;
const MAX_LABELS = 8;

/**
 * Sessions (light bars) and prompts (dark, narrower bars in front) per bucket. The bars are a stretched SVG and
 * the axis labels are HTML, so text keeps its size from a 390 px phone to a wide screen. Each bucket has a
 * <title> with its exact figures, and the chart a text summary for screen readers.
 */
export function ActivityChart({ chart }: { chart: ActivityChartResponse }) {
  const count = Math.max(1, chart.buckets.length);
  const ceiling = niceCeiling(Math.max(0, ...chart.buckets.map((bucket) => Math.max(bucket.sessions, bucket.prompts))));
  const step = labelStep(chart.buckets.length, MAX_LABELS);
  const period = chart.range === '24h' ? 'the last 24 hours, per hour' : 'the last 30 days, per day';
  const summary = `${formatCount(chart.totals.sessions)} sessions and ${formatCount(chart.totals.prompts)} prompts in ${period}.`;
  const middle = ceiling / 2;

  return (
    <figure class="chart">
      <div class="chart-body">
        <div class="chart-y" aria-hidden="true">
          <span>{formatCount(ceiling)}</span>
          <span>{Number.isInteger(middle) ? formatCount(middle) : ''}</span>
          <span>0</span>
        </div>
        <svg
          class="chart-plot"
          viewBox={`0 0 ${count} ${PLOT_UNITS}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={summary}
        >
          {[0, 0.5, 1].map((fraction) => (
            <line
              key={fraction}
              class="chart-grid"
              x1={0}
              x2={count}
              y1={PLOT_UNITS * fraction}
              y2={PLOT_UNITS * fraction}
              vector-effect="non-scaling-stroke"
            />
          ))}
          {chart.buckets.map((bucket, index) => {
            const sessions = barHeight(bucket.sessions, ceiling, PLOT_UNITS);
            const prompts = barHeight(bucket.prompts, ceiling, PLOT_UNITS);
            const x = index + (1 - BAR_WIDTH) / 2;
            return (
              <g key={bucket.start} class="chart-bucket">
                <title>{`${exactTime(bucket.start)}: ${bucket.sessions} sessions, ${bucket.prompts} prompts`}</title>
                {/* The whole column is the hover target, so the figures show anywhere above a bucket. */}
                <rect class="chart-hit" x={index} y={0} width={1} height={PLOT_UNITS} />
                <rect class="chart-sessions" x={x} y={PLOT_UNITS - sessions} width={BAR_WIDTH} height={sessions} />
                <rect
                  class="chart-prompts"
                  x={x + BAR_WIDTH / 4}
                  y={PLOT_UNITS - prompts}
                  width={BAR_WIDTH / 2}
                  height={prompts}
                />
              </g>
            );
          })}
        </svg>
      </div>
      <div class="chart-x" aria-hidden="true">
        {chart.buckets.map((bucket, index) =>
          index % step === 0 ? (
            <span key={bucket.start} style={{ left: `${((index + 0.5) / count) * 100}%` }}>
              {bucketLabel(bucket.start, chart.range)}
            </span>
          ) : null,
        )}
      </div>
      <figcaption class="chart-legend">
        <span class="legend legend-sessions">Sessions</span>
        <span class="legend legend-prompts">Prompts</span>
      </figcaption>
    </figure>
  );
}

export const CHART_RANGE_LABELS: Readonly<Record<ChartRange, string>> = {
  '24h': 'Last 24 hours',
  '30d': 'Last 30 days',
};
