import { describe, expect, it } from 'vitest';
import type { RRwebEvent } from './rrweb-events';
import { markersFromEvents, mergeMarkers, messageMarkers, messagesFromEvents } from './timeline-markers';

const ev = (type: number, timestamp: number, data: unknown) => ({ type, timestamp, data }) as unknown as RRwebEvent;

describe('timeline markers', () => {
  const events = [
    ev(4, 100, { href: 'https://shop.example/a', width: 10, height: 10 }),
    ev(2, 101, { node: {}, initialOffset: { top: 0, left: 0 } }),
    ev(3, 200, { source: 2, type: 2, id: 5, x: 1, y: 1 }), // click
    ev(3, 210, { source: 2, type: 1, id: 5, x: 1, y: 1 }), // mousedown: not a click
    ev(3, 220, { source: 1, positions: [] }),
    ev(5, 300, { tag: 'hindsight.message', payload: { role: 'visitor', text: '<b>hi</b>' } }),
    ev(5, 310, { tag: 'other', payload: { text: 'x' } }),
    ev(4, 400, { href: 'javascript:alert(1)', width: 10, height: 10 }),
  ];

  it('finds navigations and clicks', () => {
    expect(markersFromEvents(events)).toEqual([
      { kind: 'navigation', timestamp: 100, label: 'https://shop.example/a' },
      { kind: 'click', timestamp: 200, label: 'Click' },
      { kind: 'navigation', timestamp: 400, label: 'javascript:alert(1)' },
    ]);
  });

  it('finds chat messages in custom events', () => {
    expect(messagesFromEvents(events)).toEqual([{ role: 'visitor', text: '<b>hi</b>', timestamp: 300 }]);
  });

  it('merges sorted lists', () => {
    const a = markersFromEvents(events);
    const b = messageMarkers(messagesFromEvents(events));
    expect(mergeMarkers(a, b).map((m) => m.timestamp)).toEqual([100, 200, 300, 400]);
  });
});
