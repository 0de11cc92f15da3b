import { expect, vi } from 'vitest';
import { test } from './support/stack';
import { duplicates, EVENT_TYPE, eventsOf, readChunks, readSessions } from './support/stored-data';
import { STORED_WITHIN_MS } from './support/wait';
import { openChat, sendChatMessage, tabSessionId } from './support/widget';

const seqOf = (path: string) => new URL(path, 'http://x').searchParams.get('seq');

test('one compression worker per page, however many batches it compresses; it uploads them too', async ({ stack }) => {
  const browser = await stack.launchBrowser();
  // The page's own fetch wrapper (an error tracker's, say) counts the batch uploads it sees.
  await browser.context.addInitScript({
    content: `window.__batchFetches = 0;
    const pageFetch = window.fetch;
    window.fetch = function (input, init) {
      if (String(input).includes('/ingest/')) window.__batchFetches++;
      return pageFetch.call(this, input, init);
    };`,
  });
  const { page, problems } = await stack.openPage(browser, 'site/home.html');
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await openChat(page);
  const sessionId = await tabSessionId(page);

  // The full snapshot's batch, then one batch per 5 s interval while the visitor keeps chatting.
  for (let i = 0; i < 3; i++) {
    await sendChatMessage(page, `message ${i}`);
    await page.waitForTimeout(5_500);
  }
  await vi.waitFor(async () => expect((await readChunks(stack.db, sessionId)).length).toBeGreaterThanOrEqual(4), {
    timeout: STORED_WITHIN_MS,
    interval: 250,
  });
  expect(workers).toHaveLength(1);
  expect(workers[0]).toMatch(/^blob:/);
  // Every batch went from the worker: none through the page's fetch, none on its main thread.
  expect(await page.evaluate(() => (window as unknown as { __batchFetches: number }).__batchFetches)).toBe(0);
  expect(await problems.read()).toMatchObject({ errors: [], widgetErrors: [] });
});

test('leaving a long page while its first batch (the full snapshot) is still in the compression worker loses nothing: the next page sends it', async ({
  stack,
}) => {
  const browser = await stack.launchBrowser();
  // On the first page the worker never answers: whatever is sent to it stays "in the worker" until the page goes.
  // The page is long: its snapshot is too big for a beacon at unload, so it is stashed for the next page.
  await browser.context.addInitScript({
    content: `if (location.pathname.endsWith('/site/long.html')) {
      window.__held = [];
      Worker.prototype.postMessage = function (message) { window.__held.push(message); };
    }`,
  });
  const { page, problems } = await stack.openPage(browser, 'site/long.html');
  await openChat(page);
  const sessionId = await tabSessionId(page);
  await page.waitForFunction(() => (window as unknown as { __held: unknown[] }).__held.length > 0);
  // Leave at once (the widget waits 3 s for the worker before compressing elsewhere).
  await Promise.all([page.waitForURL('**/site/products.html'), page.locator('#next').click()]);
  const sentBeforeLeaving = stack.proxy.received.length;

  await vi.waitFor(
    async () => {
      const pages = (await readChunks(stack.db, sessionId)).flatMap((chunk) => chunk.batch.page?.url ?? []);
      expect(pages).toEqual([stack.site.url('site/long.html'), stack.site.url('site/products.html')]);
    },
    { timeout: STORED_WITHIN_MS, interval: 250 },
  );
  const chunks = await readChunks(stack.db, sessionId);
  expect(chunks.map((chunk) => chunk.seq)).toEqual(chunks.map((_, index) => index));
  // seq 0 holds the first page's full snapshot; it reached the server only from the next page.
  expect(chunks[0]?.batch.page?.url).toBe(stack.site.url('site/long.html'));
  expect(chunks[0]?.batch.events.some((e) => e.type === EVENT_TYPE.FullSnapshot)).toBe(true);
  expect(chunks[0]?.text.length).toBeGreaterThan(100_000); // over what unload sends itself: it was stashed
  const firstSent = stack.proxy.received.findIndex((request) => seqOf(request.path) === '0');
  expect(firstSent).toBeGreaterThanOrEqual(0);
  expect(stack.proxy.received.slice(0, Math.min(firstSent, sentBeforeLeaving)).map((r) => seqOf(r.path))).not.toContain(
    '0',
  );
  const events = eventsOf(chunks);
  expect(events.filter((e) => e.type === EVENT_TYPE.FullSnapshot)).toHaveLength(2);
  expect(chunks.filter((chunk) => chunk.batch.pagehide)).toHaveLength(1);
  expect(chunks.some((chunk) => chunk.batch.dropped)).toBe(false);
  expect(duplicates(events)).toEqual([]);
  expect((await readSessions(stack.db))[0]).toMatchObject({ id: sessionId, page_count: 2 });
  expect(await problems.read()).toMatchObject({ errors: [], widgetErrors: [] });
});
