import { beforeEach, expect, it } from 'vitest';
import { createSessionStore, randomId, visitorId } from './session-store';

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

it('makes URL-safe ids the server accepts', () => {
  const ids = new Set(Array.from({ length: 200 }, randomId));
  expect(ids.size).toBe(200);
  for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
});

it('keeps one session per tab across page loads, with sequence numbers that never repeat', () => {
  const page1 = createSessionStore('pk_test');
  const { id } = page1.ensure();
  expect([page1.reserveSeq().seq, page1.reserveSeq().seq]).toEqual([0, 1]);
  page1.setRecording(true);

  window.dispatchEvent(new PageTransitionEvent('pagehide')); // page 1 goes
  const page2 = createSessionStore('pk_test'); // the next page of the same tab
  expect(page2.copiedTab).toBe(false);
  expect(page2.current()).toEqual({ id, nextSeq: 2, recording: true });
  expect(page2.reserveSeq()).toEqual({ sessionId: id, seq: 2 });
});

it('starts afresh in a tab that began with a copy of a tab still shown (duplicated, or opened with an opener)', () => {
  const original = createSessionStore('pk_test');
  const { id } = original.ensure();
  original.reserveSeq();
  original.setRecording(true);
  // No pagehide: the original is still open, and its sessionStorage was copied into the new tab.
  const copy = createSessionStore('pk_test');
  expect(original.copiedTab).toBe(false);
  expect(copy.copiedTab).toBe(true);
  expect(copy.current()).toBeUndefined();
  expect(copy.ensure().id).not.toBe(id);
  expect(copy.reserveSeq().seq).toBe(0);
});

it('continues the session when the page comes back from the back/forward cache and then navigates', () => {
  const page1 = createSessionStore('pk_test');
  const { id } = page1.ensure();
  window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
  window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })); // back again
  window.dispatchEvent(new PageTransitionEvent('pagehide'));
  expect(createSessionStore('pk_test').current()?.id).toBe(id);
});

it('starts a new session after the old one ended, and forgets it when the chat ends', () => {
  const store = createSessionStore('pk_test');
  const first = store.ensure();
  store.reserveSeq();
  const renewed = store.renew();
  expect(renewed.id).not.toBe(first.id);
  expect(store.reserveSeq().seq).toBe(0);
  store.clear();
  expect(createSessionStore('pk_test').current()).toBeUndefined();
});

it('keeps sessions of different applications apart', () => {
  const a = createSessionStore('pk_a').ensure();
  const b = createSessionStore('pk_b').ensure();
  expect(a.id).not.toBe(b.id);
});

it('keeps the visitor id in localStorage until identify replaces it', () => {
  const first = visitorId();
  expect(visitorId()).toBe(first);
  expect(localStorage.getItem('hindsight:visitor')).toBe(first);
  expect(visitorId('customer_42')).toBe('customer_42');
  expect(visitorId()).toBe('customer_42');
});
