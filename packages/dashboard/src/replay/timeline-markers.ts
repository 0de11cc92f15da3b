import type { RecordedMessage } from '@hindsight/shared';
import {
  EVENT_TYPE,
  INCREMENTAL_SOURCE,
  MESSAGE_EVENT_TAG,
  MOUSE_INTERACTION_CLICK,
  type RRwebEvent,
} from './rrweb-events';

export type MarkerKind = 'message' | 'navigation' | 'click';

/** A moment worth a mark on the timeline. `label` is recorded (untrusted) text: render it as text only. */
export interface TimelineMarker {
  kind: MarkerKind;
  timestamp: number;
  label: string;
}

/** Page navigations (Meta events with an href) and clicks found in a run of events, in event order. */
export function markersFromEvents(events: readonly RRwebEvent[]): TimelineMarker[] {
  const markers: TimelineMarker[] = [];
  for (const event of events) {
    const data = event.data as Record<string, unknown> | undefined;
    if (!data) continue;
    if (event.type === EVENT_TYPE.Meta && typeof data.href === 'string') {
      markers.push({ kind: 'navigation', timestamp: event.timestamp, label: data.href });
    } else if (
      event.type === EVENT_TYPE.IncrementalSnapshot &&
      data.source === INCREMENTAL_SOURCE.MouseInteraction &&
      data.type === MOUSE_INTERACTION_CLICK
    ) {
      markers.push({ kind: 'click', timestamp: event.timestamp, label: 'Click' });
    }
  }
  return markers;
}

/** Chat messages recorded as custom events (`hindsight.message`, payload `{ role, text }`). */
export function messagesFromEvents(events: readonly RRwebEvent[]): RecordedMessage[] {
  const messages: RecordedMessage[] = [];
  for (const event of events) {
    if (event.type !== EVENT_TYPE.Custom) continue;
    const data = event.data as { tag?: unknown; payload?: { role?: unknown; text?: unknown } } | undefined;
    if (data?.tag !== MESSAGE_EVENT_TAG || !data.payload) continue;
    const { role, text } = data.payload;
    messages.push({ role: String(role ?? ''), text: String(text ?? ''), timestamp: event.timestamp });
  }
  return messages;
}

/** Message markers for the timeline. */
export const messageMarkers = (messages: readonly RecordedMessage[]): TimelineMarker[] =>
  messages.map((message) => ({ kind: 'message', timestamp: message.timestamp, label: message.text }));

/** Merges two marker lists that are each sorted by time. */
export function mergeMarkers(a: readonly TimelineMarker[], b: readonly TimelineMarker[]): TimelineMarker[] {
  const merged: TimelineMarker[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.timestamp <= b[j]!.timestamp)) merged.push(a[i++]!);
    else merged.push(b[j++]!);
  }
  return merged;
}
