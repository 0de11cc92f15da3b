import { expect, vi } from 'vitest';
import { replayToEnd } from './support/replay';
import { test } from './support/stack';
import { EVENT_TYPE, eventsOf, readChunks, readSessions, recordedMessages, snapshotNodes } from './support/stored-data';
import { STORED_WITHIN_MS } from './support/wait';
import { openChat, sendChatMessage, tabSessionId } from './support/widget';

test('paste-the-tag page: opening the chat starts an active session whose replay rebuilds the page, widget included', async ({
  stack,
}) => {
  const browser = await stack.launchBrowser();
  // Counts iframes put into the page once it has loaded (the page's own iframe is in its HTML).
  await browser.context.addInitScript({
    content: `window.__addedIframes = 0;
    addEventListener('load', () => new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node.nodeName === 'IFRAME') window.__addedIframes++;
    }).observe(document, { childList: true, subtree: true }));`,
  });
  const { page, problems } = await stack.openPage(browser, 'index.html');
  await page.locator('[data-hs=launcher]').waitFor({ state: 'visible' });
  expect(await tabSessionId(page)).toBeUndefined(); // recordOn 'chat' (default): nothing before the chat

  await openChat(page);
  await page.locator('#name').fill('Ada Lovelace');
  await sendChatMessage(page, 'Do you ship seeds to Norway?');
  const sessionId = await tabSessionId(page);
  expect(sessionId).toMatch(/^[A-Za-z0-9_-]{16,64}$/);

  // Stored: the session, a full snapshot, the typing and the chat message (flushed within the 5 s interval).
  const events = await vi.waitFor(
    async () => {
      const sessions = await readSessions(stack.db);
      expect(sessions).toHaveLength(1);
      expect(sessions[0]).toMatchObject({ id: sessionId, status: 'active', replayable: true, page_count: 1 });
      const stored = eventsOf(await readChunks(stack.db, sessionId));
      expect(recordedMessages(stored)).toContain('Do you ship seeds to Norway?');
      return stored;
    },
    { timeout: STORED_WITHIN_MS, interval: 250 },
  );
  expect(events.filter((e) => e.type === EVENT_TYPE.Meta)).toHaveLength(1);
  expect(events.filter((e) => e.type === EVENT_TYPE.FullSnapshot)).toHaveLength(1);
  expect(events.length).toBeGreaterThan(10);
  // Recording put no iframe of its own into the page (stock rrweb builds and removes one on every page load to
  // check the DOM's getters; see EDITS in scripts/rrweb-lean.ts).
  expect(await page.evaluate(() => (window as unknown as { __addedIframes: number }).__addedIframes)).toBe(0);

  // The replay: rrweb's Replayer, in a page of its own, rebuilds what the visitor saw.
  const replay = await stack.openPage(browser, 'replay.html');
  const replayed = await replayToEnd(replay.page, events);
  expect(replayed).toMatchObject({
    title: 'Acme Garden Supplies',
    heading: 'Acme Garden Supplies',
    widgetHost: true,
    launcher: true,
    panel: true,
  });
  expect(replayed.messages).toContain('Do you ship seeds to Norway?');
  expect(replayed.fieldValues.name).toBe('Ada Lovelace');
  expect(replayed.iframeText).toBe('Open daily from 9 to 17, Sundays from 10.');

  expect(await problems.read()).toMatchObject({ errors: [], consoleErrors: [], widgetErrors: [] });
});

test('a chat left open is drawn on the next page before recording starts there: that page opens, in its replay, with the panel shown', async ({
  stack,
}) => {
  const browser = await stack.launchBrowser();
  const { page, problems } = await stack.openPage(browser, 'site/home.html');
  await openChat(page);
  await sendChatMessage(page, 'Is the greenhouse in stock?');
  const sessionId = await tabSessionId(page);
  await page.locator('#next').click();
  await page.waitForURL('**/site/products.html');

  const snapshots = await vi.waitFor(
    async () => {
      const found = eventsOf(await readChunks(stack.db, sessionId)).filter((e) => e.type === EVENT_TYPE.FullSnapshot);
      expect(found).toHaveLength(2);
      return found;
    },
    { timeout: STORED_WITHIN_MS, interval: 250 },
  );
  // The second page's first snapshot already holds the panel, shown (no `hidden`), with the conversation.
  const secondPage = snapshots[1]?.data.node;
  const panel = snapshotNodes(secondPage).find((node) => node.attributes?.['data-hs'] === 'panel')?.attributes;
  expect(panel).toBeDefined();
  expect(panel).not.toHaveProperty('hidden');
  expect(JSON.stringify(secondPage)).toContain('Is the greenhouse in stock?');
  expect(await problems.read()).toMatchObject({ errors: [], consoleErrors: [], widgetErrors: [] });
});
