import type { ActivityItem } from '@hindsight/shared';
import { expect, it } from 'vitest';
import { mergeFreshActivity } from './merge-activity';

const session = (sessionId: string, minute: number): ActivityItem =>
  ({ type: 'session', sessionId, at: new Date(Date.UTC(2026, 10, 22, 10, minute)).toISOString() }) as ActivityItem;
const ids = (items: ActivityItem[]) => items.map((item) => item.sessionId);

it('puts new items on top and keeps the older ones loaded with "Load more", with their cursor', () => {
  const current = { items: [session('c', 30), session('b', 20), session('a', 10)], nextCursor: 'after-a' };
  const fresh = { items: [session('d', 40), session('c', 30)], nextCursor: 'after-c' };
  expect(mergeFreshActivity(current, fresh)).toEqual({
    items: [session('d', 40), session('c', 30), session('b', 20), session('a', 10)],
    nextCursor: 'after-a',
  });
});

it('takes a complete fresh page as the whole feed', () => {
  const current = { items: [session('b', 20), session('a', 10)], nextCursor: null };
  const fresh = { items: [session('c', 30), session('b', 20), session('a', 10)], nextCursor: null };
  expect(ids(mergeFreshActivity(current, fresh).items)).toEqual(['c', 'b', 'a']);
});

it('keeps an older item that shares the fresh page last moment, once', () => {
  const current = { items: [session('b', 20), session('x', 20), session('a', 10)], nextCursor: 'after-a' };
  const fresh = { items: [session('c', 30), session('b', 20)], nextCursor: 'after-b' };
  expect(ids(mergeFreshActivity(current, fresh).items)).toEqual(['c', 'b', 'x', 'a']);
});
