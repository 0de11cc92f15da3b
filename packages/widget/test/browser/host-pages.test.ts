import { expect, vi } from 'vitest';
import { test } from './support/stack';
import {
  EVENT_TYPE,
  eventsOf,
  readChunks,
  readSessions,
  recordedInputValues,
  recordedMessages,
  type StoredChunk,
} from './support/stored-data';
import { STORED_WITHIN_MS } from './support/wait';
import { openChat, sendChatMessage, tabSessionId } from './support/widget';

/** The worker gets 3 s before the main thread compresses instead; then one send. */
const CSP_FIRST_BATCH_WITHIN_MS = 20_000;

test('a page whose CSP forbids blob: workers is still recorded (main-thread compression), without hanging', async ({
  stack,
}) => {
  const browser = await stack.launchBrowser();
  const { page, problems } = await stack.openPage(browser, 'csp.html');
  await openChat(page);
  const sessionId = await tabSessionId(page);

  // The first batch is compressed on the main thread once the worker has not answered (3 s), then sent.
  await vi.waitFor(
    async () => {
      const chunks = await readChunks(stack.db, sessionId);
      expect(eventsOf(chunks).some((e) => e.type === EVENT_TYPE.FullSnapshot)).toBe(true);
    },
    { timeout: CSP_FIRST_BATCH_WITHIN_MS, interval: 100 },
  );
  // The CSP really refused the worker: this page exercised the fallback, not the worker path.
  const violations = await page.evaluate(
    () => (window as unknown as { cspViolations: { directive: string }[] }).cspViolations,
  );
  expect(violations.map((v) => v.directive)).toContain('worker-src');
  expect(violations.filter((v) => v.directive !== 'worker-src')).toEqual([]); // the widget's styles and scripts were allowed

  // Later batches do not wait for a worker any more, and the chat works.
  await page.locator('#reference').pressSequentially('REF-2026-11');
  await sendChatMessage(page, 'Is my transfer through?');
  await vi.waitFor(
    async () => {
      const events = eventsOf(await readChunks(stack.db, sessionId));
      expect(recordedInputValues(events)).toContain('REF-2026-11');
      expect(recordedMessages(events)).toContain('Is my transfer through?');
    },
    { timeout: STORED_WITHIN_MS, interval: 250 },
  );
  await page.locator('[data-hs=end]').click();
  await vi.waitFor(
    async () =>
      expect((await readSessions(stack.db))[0]).toMatchObject({ status: 'completed', end_reason: 'chat_ended' }),
    { timeout: STORED_WITHIN_MS, interval: 250 },
  );
  const { errors, consoleErrors, widgetErrors } = await problems.read();
  expect({ errors, widgetErrors }).toEqual({ errors: [], widgetErrors: [] });
  // The one console line is the browser's own CSP report for the refused worker: that is the scenario.
  expect(consoleErrors.filter((line) => !/^Creating a worker from 'blob:.*worker-src/.test(line))).toEqual([]);
});

test('a hostile page (global CSS resets, huge z-indexes, frozen prototypes, Array.prototype.toJSON, its own Preact): the widget renders, chats and records valid events', async ({
  stack,
}) => {
  const browser = await stack.launchBrowser();
  const { page, problems } = await stack.openPage(browser, 'hostile.html');
  const launcher = page.locator('[data-hs=launcher]');
  await launcher.waitFor({ state: 'visible' });
  const box = await launcher.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.width).toBeGreaterThanOrEqual(40);
  expect(box!.width).toBeLessThanOrEqual(80);
  expect(box!.height).toBeCloseTo(box!.width, 0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
  expect(box!.y + box!.height).toBeLessThanOrEqual(800);

  // A real click: Playwright refuses if the page's 999999 z-index layer is on top of the launcher.
  await openChat(page);
  const panel = await page.locator('[data-hs=panel]').boundingBox();
  expect(panel!.width).toBeGreaterThanOrEqual(280);
  expect(panel!.height).toBeGreaterThanOrEqual(300);
  await sendChatMessage(page, 'Your site looks odd today');
  await page.locator('[data-hs=message][data-role=assistant]').waitFor({ state: 'visible' });
  const sessionId = await tabSessionId(page);

  let chunks: StoredChunk[] = [];
  await vi.waitFor(
    async () => {
      chunks = await readChunks(stack.db, sessionId);
      expect(recordedMessages(eventsOf(chunks))).toContain('Your site looks odd today');
    },
    { timeout: STORED_WITHIN_MS, interval: 250 },
  );
  // Valid rrweb JSON: arrays are arrays (the page's toJSON turns them into "array of N" strings).
  for (const chunk of chunks) {
    expect(chunk.text).not.toContain('array of ');
    expect(Array.isArray(chunk.batch.events)).toBe(true);
    for (const event of chunk.batch.events) {
      expect(typeof event.type).toBe('number');
      expect(typeof event.timestamp).toBe('number');
      expect(typeof event.data).toBe('object');
    }
  }
  const events = eventsOf(chunks);
  const full = events.find((e) => e.type === EVENT_TYPE.FullSnapshot);
  expect(Array.isArray((full?.data.node as { childNodes?: unknown })?.childNodes)).toBe(true);
  const mutations = events.filter((e) => e.type === EVENT_TYPE.IncrementalSnapshot && e.data.source === 0);
  expect(mutations.length).toBeGreaterThan(0); // the page's own app keeps re-rendering
  for (const mutation of mutations)
    for (const list of ['adds', 'removes', 'texts', 'attributes']) {
      expect(Array.isArray(mutation.data[list])).toBe(true);
    }

  // The page's own state is as the page left it: its Preact still renders, its toJSON patch is still there.
  const pageState = await page.evaluate(() => ({
    toJSON: JSON.stringify([1, 2]),
    frozen: Object.isFrozen(Object.prototype) && Object.isFrozen(Array.prototype),
    app: document.getElementById('page-app')?.textContent ?? '',
  }));
  expect(pageState).toMatchObject({
    toJSON: '"array of 2"',
    frozen: true,
    app: expect.stringMatching(/^Page app ticks: \d+$/),
  });
  expect(await problems.read()).toMatchObject({ errors: [], consoleErrors: [], widgetErrors: [] });
});
