import { expect, vi } from 'vitest';
import { test } from './support/stack';
import {
  EVENT_TYPE,
  eventsOf,
  readChunks,
  readSessions,
  recordedInputValues,
  type SnapshotNode,
  snapshotNodes,
} from './support/stored-data';
import { STORED_WITHIN_MS, sleep } from './support/wait';
import { openChat, sendChatMessage, tabSessionId } from './support/widget';

/** Longer than the widget's 5 s flush interval: whatever was recorded would have been sent by then. */
const LONGER_THAN_A_FLUSH_MS = 7_000;

test("recordOn: 'load' records from page load, without the chat being opened", async ({ stack }) => {
  const browser = await stack.launchBrowser();
  const { page, problems } = await stack.openPage(browser, 'record-on-load.html');
  await page.locator('#search').pressSequentially('garden hose');

  const sessionId = await vi.waitFor(
    async () => {
      const [session] = await readSessions(stack.db);
      expect(session).toMatchObject({ status: 'active', replayable: true, page_count: 1 });
      expect(session?.landing_url).toBe(stack.site.url('record-on-load.html'));
      expect(recordedInputValues(eventsOf(await readChunks(stack.db, session?.id)))).toContain('garden hose');
      return session!.id;
    },
    { timeout: STORED_WITHIN_MS, interval: 250 },
  );
  expect(await tabSessionId(page)).toBe(sessionId);
  const events = eventsOf(await readChunks(stack.db, sessionId));
  expect(events[0]?.type).toBe(EVENT_TYPE.Meta);
  expect(events[1]?.type).toBe(EVENT_TYPE.FullSnapshot);
  // What a replay never uses is left out: the page's scripts (the widget's tag too), its comment, the head's
  // whitespace.
  const recorded = snapshotNodes(events[1]?.data.node).map(nodeName);
  expect(recorded).toContain('h1');
  expect(recorded.filter((node) => node === 'script' || node === '#comment' || node === '#head-whitespace')).toEqual(
    [],
  );
  // The chat was never opened: no panel, no chat events.
  expect(await page.locator('[data-hs=panel]').count()).toBe(0);
  expect(events.filter((e) => e.type === EVENT_TYPE.Custom && String(e.data.tag).startsWith('hindsight.chat'))).toEqual(
    [],
  );
  expect(await problems.read()).toMatchObject({ errors: [], consoleErrors: [], widgetErrors: [] });
});

test('with Global Privacy Control on, nothing is recorded or sent (not even with recordOn: load), and the chat works', async ({
  stack,
}) => {
  const browser = await stack.launchBrowser({ globalPrivacyControl: true });
  const ingestRequests: string[] = [];
  browser.context.on('request', (request) => {
    if (request.url().includes('/ingest/')) ingestRequests.push(request.url());
  });
  const { page, problems } = await stack.openPage(browser, 'record-on-load.html');
  expect(await page.evaluate(() => (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl)).toBe(true);
  await page.locator('#search').pressSequentially('garden hose');
  await openChat(page);
  // The panel stays open across the tab's page loads as for any visitor, before any message (no session yet).
  await page.reload();
  await page.locator('[data-hs=panel]').waitFor({ state: 'visible' });
  expect(await page.locator('[data-hs=launcher]').getAttribute('aria-expanded')).toBe('true');
  await sendChatMessage(page, 'Can I still chat?');
  await page.locator('[data-hs=message][data-role=assistant]').waitFor({ state: 'visible' });

  await sleep(LONGER_THAN_A_FLUSH_MS);
  await page.close({ runBeforeUnload: true }); // a recording page would flush now
  await sleep(1_000);
  expect(ingestRequests).toEqual([]);
  expect(stack.proxy.received).toEqual([]);
  expect(await readSessions(stack.db)).toEqual([]);
  expect(problems.errors).toEqual([]);
});

const TEXT_NODE = 3;
const COMMENT_NODE = 5;

/** A snapshot node's tag name, or `#comment`, `#head-whitespace` (blank text in head), `#text`. */
function nodeName({ type, tagName, textContent, inHead }: SnapshotNode): string {
  if (tagName) return tagName;
  if (type === COMMENT_NODE) return '#comment';
  if (type === TEXT_NODE) return inHead && !textContent?.trim() ? '#head-whitespace' : '#text';
  return `#${type}`;
}
