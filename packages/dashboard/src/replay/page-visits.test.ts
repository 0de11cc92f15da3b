import { describe, expect, it } from 'vitest';
import { pagesFromEvents, snapshotTitle } from './page-visits';
import type { RRwebEvent } from './rrweb-events';

const snapshot = (title: string) => ({
  type: 0,
  childNodes: [
    {
      type: 2,
      tagName: 'html',
      childNodes: [
        {
          type: 2,
          tagName: 'head',
          childNodes: [{ type: 2, tagName: 'title', childNodes: [{ type: 3, textContent: title }] }],
        },
        { type: 2, tagName: 'body', childNodes: [] },
      ],
    },
  ],
});

describe('page visits', () => {
  it('reads the title of a snapshot', () => {
    expect(snapshotTitle(snapshot(' Shop <script> '))).toBe('Shop <script>');
    expect(snapshotTitle({ type: 0, childNodes: [] })).toBeNull();
  });

  it('lists pages with the title of the snapshot after each Meta event', () => {
    const events = [
      { type: 4, timestamp: 1, data: { href: 'https://a.example/', width: 1, height: 1 } },
      { type: 2, timestamp: 2, data: { node: snapshot('A'), initialOffset: { top: 0, left: 0 } } },
      { type: 3, timestamp: 3, data: { source: 1, positions: [] } },
      { type: 4, timestamp: 4, data: { href: 'javascript:alert(1)', width: 1, height: 1 } },
    ] as unknown as RRwebEvent[];
    expect(pagesFromEvents(events)).toEqual([
      { url: 'https://a.example/', title: 'A', timestamp: 1 },
      { url: 'javascript:alert(1)', title: null, timestamp: 4 },
    ]);
  });
});
