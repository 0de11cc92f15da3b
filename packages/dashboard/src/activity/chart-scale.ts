import type { ChartRange } from '@hindsight/shared';

/** The smallest "round" axis maximum (1, 2 or 5 × 10^n) at or above `max`; 1 for an empty chart. */
export function niceCeiling(max: number): number {
  if (!(max > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) {
    if (step * magnitude >= max) return step * magnitude;
  }
  return 10 * magnitude;
}

/** A bar's height in px: proportional, but at least 1 px for any non-zero value so small counts stay visible. */
export function barHeight(value: number, ceiling: number, plotHeightPx: number): number {
  if (!(value > 0) || !(ceiling > 0)) return 0;
  return Math.max(1, Math.round((Math.min(value, ceiling) / ceiling) * plotHeightPx));
}

/** Show every n-th bucket label so at most `maxLabels` fit under the chart. */
export function labelStep(bucketCount: number, maxLabels: number): number {
  return Math.max(1, Math.ceil(bucketCount / Math.max(1, maxLabels)));
}

/** A bucket's axis label in local time: "14:00" per hour, "Nov 3" per day. */
export function bucketLabel(startIso: string, range: ChartRange): string {
  const date = new Date(startIso);
  if (range === '24h') return `${String(date.getHours()).padStart(2, '0')}:00`;
  return date.toLocaleDateString('en', { month: 'short', day: 'numeric' });
}
