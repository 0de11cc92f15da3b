import { EVENT_TYPE, INCREMENTAL_SOURCE, type RRwebEvent } from './rrweb-events';

/** Rough cost of applying an event while fast-forwarding, in "node operations". */
const FULL_SNAPSHOT_OPS = 5_000;

export function eventOps(event: RRwebEvent): number {
  if (event.type === EVENT_TYPE.FullSnapshot) return FULL_SNAPSHOT_OPS;
  if (event.type !== EVENT_TYPE.IncrementalSnapshot) return 1;
  const data = event.data as {
    source?: number;
    adds?: unknown[];
    removes?: unknown[];
    texts?: unknown[];
    attributes?: unknown[];
  };
  if (data.source !== INCREMENTAL_SOURCE.Mutation) return 1;
  return (
    1 +
    (data.adds?.length ?? 0) +
    (data.removes?.length ?? 0) +
    (data.texts?.length ?? 0) +
    (data.attributes?.length ?? 0)
  );
}

/** Index of the first event with `timestamp >= ts` in a time-sorted array. */
export function lowerBound(events: readonly RRwebEvent[], ts: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid]!.timestamp < ts) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Cost of applying the events with `from <= timestamp < to`. */
export function opsBetween(events: readonly RRwebEvent[], from: number, to: number): number {
  let ops = 0;
  for (let i = lowerBound(events, from); i < events.length && events[i]!.timestamp < to; i++)
    ops += eventOps(events[i]!);
  return ops;
}

/** Timestamp of the last Meta event at or before `ts` (where rrweb's own seek starts rebuilding), or null. */
export function lastMetaAtOrBefore(events: readonly RRwebEvent[], ts: number): number | null {
  for (let i = lowerBound(events, ts + 1) - 1; i >= 0; i--)
    if (events[i]!.type === EVENT_TYPE.Meta) return events[i]!.timestamp;
  return null;
}
