import type { eventWithTime } from '@rrweb/types';

/** rrweb event types and sources the viewer reads (numbers from @rrweb/types, kept here to avoid its runtime enums). */
export const EVENT_TYPE = { FullSnapshot: 2, IncrementalSnapshot: 3, Meta: 4, Custom: 5 } as const;
export const INCREMENTAL_SOURCE = { Mutation: 0, MouseMove: 1, MouseInteraction: 2, Scroll: 3, Input: 5 } as const;
export const MOUSE_INTERACTION_CLICK = 2;
/** Tag of the custom event the widget records for each chat message, payload `{ role, text }`. */
export const MESSAGE_EVENT_TAG = 'hindsight.message';

export type RRwebEvent = eventWithTime;

/** A decoded chunk: the batch JSON as the widget sent it. Only `events` (and `page`) matter to the viewer. */
export interface RecordedBatch {
  events: RRwebEvent[];
  page?: { url: string; referrer?: string; width?: number; height?: number };
}

/** Whether the events include a full snapshot (without one nothing can be drawn). */
export const hasFullSnapshot = (events: readonly RRwebEvent[]): boolean =>
  events.some((event) => event.type === EVENT_TYPE.FullSnapshot);
