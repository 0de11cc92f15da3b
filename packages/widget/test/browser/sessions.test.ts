import { expect, vi } from 'vitest';
import { test } from './support/stack';
import { EVENT_TYPE, eventsOf, readChunks, readSessions, readStored, recordedMessages } from './support/stored-data';
import { STORED_WITHIN_MS } from './support/wait';
import { openChat, sendChatMessage, tabSessionId } from './support/widget';

test('three navigations and a reload continue one session (contiguous sequence numbers, every page counted); a second tab starts another', async ({
  stack,
}) => {
  const browser = await stack.launchBrowser();
  const { page, problems } = await stack.openPage(browser, 'site/home.html');
  await openChat(page);
  await sendChatMessage(page, 'Where are your rakes?');
  const sessionId = await tabSessionId(page);

  // 5 page loads. Each one's first batch carries page metadata; a visitor who leaves a page before the lazily
  // loaded recorder ran there leaves no trace of it, so each step waits until its page is stored.
  const pageUrls = ['home', 'products', 'contact', 'about', 'about'].map((p) => stack.site.url(`site/${p}.html`));
  const storedPages = async () =>
    (await readChunks(stack.db, sessionId)).flatMap((chunk) => (chunk.batch.page ? [chunk.batch.page.url] : []));
  // On failure, say what reached the server (each ingest request's sequence number and answer) and what the
  // widget reported.
  const untilStored = (loads: number) =>
    vi.waitFor(
      async () => {
        const requests = stack.proxy.received.map(
          (r) => `${new URL(r.path, 'http://x').searchParams.get('seq')}:${r.status}`,
        );
        const { widgetErrors } = await problems.read();
        const context = `ingest requests ${requests.join(' ')}; widget errors ${widgetErrors.join(' ')}`;
        expect(await storedPages(), context).toEqual(pageUrls.slice(0, loads));
      },
      { timeout: STORED_WITHIN_MS, interval: 100 },
    );
  await untilStored(1);
  for (const [index, next] of ['products.html', 'contact.html', 'about.html'].entries()) {
    await page.locator('#next').click();
    await page.waitForURL(`**/site/${next}`);
    await untilStored(index + 2);
  }
  await page.reload();
  await untilStored(5);
  expect(await tabSessionId(page)).toBe(sessionId);

  const { sessions, chunks } = await readStored(stack.db);
  const seqs = chunks.map((chunk) => chunk.seq);
  expect(seqs).toEqual(seqs.map((_, index) => index));
  expect(eventsOf(chunks).filter((e) => e.type === EVENT_TYPE.FullSnapshot)).toHaveLength(5);
  // Every page but the last one ended with a pagehide batch.
  expect(chunks.filter((chunk) => chunk.batch.pagehide)).toHaveLength(4);
  expect(sessions).toHaveLength(1);
  expect(sessions[0]).toMatchObject({
    id: sessionId,
    status: 'active',
    page_count: 5,
    chunk_count: chunks.length,
    last_seq: seqs.at(-1),
    landing_url: pageUrls[0],
  });

  // A second tab has its own sessionStorage: a session of its own, the first one untouched.
  const second = await stack.openPage(browser, 'site/home.html');
  expect(await tabSessionId(second.page)).toBeUndefined();
  await openChat(second.page);
  const secondId = await tabSessionId(second.page);
  expect(secondId).toBeDefined();
  expect(secondId).not.toBe(sessionId);
  await vi.waitFor(
    async () => {
      const sessions = await readSessions(stack.db);
      expect(sessions.map((s) => [s.id, s.page_count])).toEqual([
        [sessionId, 5],
        [secondId, 1],
      ]);
    },
    { timeout: STORED_WITHIN_MS, interval: 250 },
  );
  const secondSeqs = (await readChunks(stack.db, secondId)).map((chunk) => chunk.seq);
  expect(secondSeqs[0]).toBe(0);
  expect(await problems.read()).toMatchObject({ errors: [], widgetErrors: [] });
});

test('ending the chat completes the session with end reason chat_ended, after its last events are stored', async ({
  stack,
}) => {
  const browser = await stack.launchBrowser();
  const { page, problems } = await stack.openPage(browser, 'index.html');
  await openChat(page);
  await sendChatMessage(page, 'That is all, thanks');
  const sessionId = await tabSessionId(page);
  await page.locator('[data-hs=message][data-role=assistant]').waitFor({ state: 'visible' });

  await page.locator('[data-hs=end]').click();
  const session = await vi.waitFor(
    async () => {
      const [stored] = await readSessions(stack.db);
      expect(stored).toMatchObject({ id: sessionId, status: 'completed', end_reason: 'chat_ended' });
      return stored;
    },
    { timeout: STORED_WITHIN_MS, interval: 250 },
  );
  expect(session?.ended_at).toBeInstanceOf(Date);

  // What happened up to the end is in the recording: the message and the end itself.
  const events = eventsOf(await readChunks(stack.db, sessionId));
  expect(recordedMessages(events)).toEqual(['That is all, thanks', expect.any(String)]);
  expect(
    events.some(
      (e) => e.type === EVENT_TYPE.Custom && e.data.tag === 'hindsight.chat' && e.data.payload?.action === 'end',
    ),
  ).toBe(true);
  // The tab forgot the session: a new chat would start a new one.
  expect(await tabSessionId(page)).toBeUndefined();
  expect(await problems.read()).toMatchObject({ errors: [], consoleErrors: [], widgetErrors: [] });
});

test('a tab that starts with a copy of the sessionStorage of a tab still open (duplicated, or opened by the page) starts a session of its own', async ({
  stack,
}) => {
  const browser = await stack.launchBrowser();
  const { page, problems } = await stack.openPage(browser, 'site/home.html');
  await openChat(page);
  await sendChatMessage(page, 'Is this tab mine?');
  const sessionId = await tabSessionId(page);
  await page.evaluate(() => sessionStorage.setItem('site-own-key', 'copied'));

  // window.open with an opener: Chromium copies the opener's sessionStorage into the new tab, as "Duplicate tab"
  // does. Without care, both tabs would continue one session, numbering their batches from the same seq.
  const [copy] = await Promise.all([
    page.context().waitForEvent('page'),
    page.evaluate(() => void window.open(location.href)),
  ]);
  await copy.waitForLoadState('load');
  await copy.locator('[data-hs=launcher]').waitFor({ state: 'visible' });
  expect(await copy.evaluate(() => sessionStorage.getItem('site-own-key'))).toBe('copied');
  expect(await tabSessionId(copy)).not.toBe(sessionId);
  // Nor does it take over the first tab's open panel (which would start a recording the visitor never asked for).
  expect(await copy.locator('[data-hs=launcher]').getAttribute('aria-expanded')).toBe('false');
  expect(await copy.locator('[data-hs=panel]').count()).toBe(0);
  await openChat(copy);
  await sendChatMessage(copy, 'And this one?');
  const copyId = await tabSessionId(copy);
  expect(copyId).toBeDefined();
  expect(copyId).not.toBe(sessionId);

  // The first tab carries on with its session; each session's batches are numbered from 0 with no gap.
  await page.locator('#next').click();
  await page.waitForURL('**/site/products.html');
  expect(await tabSessionId(page)).toBe(sessionId);
  await vi.waitFor(
    async () => {
      const sessions = await readSessions(stack.db);
      expect(Object.fromEntries(sessions.map((s) => [s.id, s.page_count]))).toEqual({ [sessionId!]: 2, [copyId!]: 1 });
      for (const id of [sessionId!, copyId!]) {
        const seqs = (await readChunks(stack.db, id)).map((chunk) => chunk.seq);
        expect(seqs).toEqual(seqs.map((_, index) => index));
      }
      // The copy's recording holds its own chat, not the first tab's.
      const copyMessages = recordedMessages(eventsOf(await readChunks(stack.db, copyId!)));
      expect(copyMessages).toContain('And this one?');
      expect(copyMessages).not.toContain('Is this tab mine?');
    },
    { timeout: STORED_WITHIN_MS, interval: 250 },
  );
  expect(await problems.read()).toMatchObject({ errors: [], widgetErrors: [] });
});
