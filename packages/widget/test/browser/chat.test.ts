import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CHAT_UPDATES_PATH } from '@hindsight/shared';
import type { Page } from 'playwright-core';
import { expect, vi } from 'vitest';
import type { Db } from '../../../server/src/db/database';
import { signInAsOwner } from './support/dashboard-api';
import { test } from './support/stack';
import { eventsOf, readChunks, readSessions, recordedMessages } from './support/stored-data';
import { STORED_WITHIN_MS, sleep } from './support/wait';
import { openChat, sendChatMessage, tabSessionId } from './support/widget';

/** Answered by the default application's knowledge entries (streamed word by word), and not answered. */
const DELIVERY = 'How long does delivery take?';
const KAYAKS = 'Do you sell kayaks?';
const WAIT = { timeout: STORED_WITHIN_MS, interval: 250 };

const reply = (page: Page) => page.locator('[data-hs=message][data-role=assistant]');

/** Collects every text the streaming reply bubble showed, as the page saw it (before the stored reply). */
async function watchStreaming(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const root = document.querySelector('hindsight-widget')?.shadowRoot;
    const seen: string[] = [];
    (window as unknown as { __streamed: string[] }).__streamed = seen;
    new MutationObserver(() => {
      const text = root?.querySelector('[data-hs=reply][aria-busy=true]')?.textContent;
      if (text && text !== seen.at(-1)) seen.push(text);
    }).observe(root as ShadowRoot, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __streamed: string[] }).__streamed);
}

/** The texts of the messages the panel shows, in order. */
const shownMessages = (page: Page) => page.locator('[data-hs=message]').allTextContents();

/** The conversation as the server stored it. */
async function storedMessages(stack: { db: Db }, sessionId: string) {
  return stack.db
    .selectFrom('messages')
    .select(['role', 'text'])
    .where('session_id', '=', sessionId)
    .orderBy('id')
    .execute();
}

/** The owner's webhook on 127.0.0.1: `answer` decides each reply (after the body was read). */
async function startWebhook(answer: (res: ServerResponse) => void) {
  const bodies: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (part) => {
      body += part;
    });
    req.on('end', () => {
      bodies.push(body);
      answer(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    bodies,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Switches the default application to the webhook responder. */
async function useWebhook(stack: { server: Parameters<typeof signInAsOwner>[0] }, url: string) {
  const dashboard = await signInAsOwner(stack.server);
  await dashboard.request('PUT', `/api/apps/${await dashboard.appId()}/responder`, {
    kind: 'webhook',
    webhook: { url, secret: 'test-webhook-secret' },
  });
}

test('a reply streams into the panel piece by piece, then stays as the stored reply; each message is recorded once', async ({
  stack,
}) => {
  const browser = await stack.launchBrowser();
  const { page, problems } = await stack.openPage(browser, 'index.html');
  await openChat(page);
  const streamed = await watchStreaming(page);
  await sendChatMessage(page, DELIVERY);
  await reply(page).waitFor({ timeout: 15_000 });
  const final = (await reply(page).textContent()) ?? '';
  expect(final).toMatch(/two to four working days/);

  // Several growing pieces, each the start of the final text, shown before it.
  const pieces = await streamed();
  expect(pieces.length).toBeGreaterThan(2);
  for (const piece of pieces) expect(final.startsWith(piece)).toBe(true);
  expect(pieces[0]?.length).toBeLessThan(final.length);
  expect(await page.locator('[aria-busy=true]').count()).toBe(0);
  expect(await shownMessages(page)).toEqual([DELIVERY, final]);

  const sessionId = (await tabSessionId(page)) ?? '';
  expect(await storedMessages(stack, sessionId)).toEqual([
    { role: 'visitor', text: DELIVERY },
    { role: 'assistant', text: final },
  ]);
  await vi.waitFor(async () => {
    expect(recordedMessages(eventsOf(await readChunks(stack.db, sessionId)))).toEqual([DELIVERY, final]);
  }, WAIT);
  expect(await problems.read()).toMatchObject({ errors: [], consoleErrors: [], widgetErrors: [] });
});

test('the conversation survives a navigation: the next page shows it at once, before the server answers', async ({
  stack,
}) => {
  const browser = await stack.launchBrowser();
  const { page, problems } = await stack.openPage(browser, 'site/home.html');
  await openChat(page);
  await sendChatMessage(page, DELIVERY);
  await reply(page).waitFor({ timeout: 15_000 });
  const first = (await reply(page).textContent()) ?? '';

  // Hold the next page's updates stream: what the panel shows meanwhile is the tab's own copy.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let streams = 0;
  await page.route(
    (url) => url.pathname === CHAT_UPDATES_PATH,
    async (route) => {
      streams++;
      await held;
      await route.continue();
    },
  );
  await page.locator('#next').click();
  await page.waitForURL('**/site/products.html');
  // The panel was open when the visitor left: the next page shows it open, without taking the page's focus.
  await page.locator('[data-hs=panel]').waitFor({ state: 'visible', timeout: 15_000 });
  expect(await page.locator('[data-hs=launcher]').getAttribute('aria-expanded')).toBe('true');
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  await vi.waitFor(() => expect(streams).toBeGreaterThan(0), WAIT);
  expect(await shownMessages(page)).toEqual([DELIVERY, first]);

  // Reconciled with the server's conversation (the stream's first event): nothing twice.
  const answered = page.waitForResponse((r) => r.url().includes(CHAT_UPDATES_PATH));
  release();
  await answered;
  await sleep(500);
  expect(await shownMessages(page)).toEqual([DELIVERY, first]);
  await page.unroute(() => true);

  // The chat goes on on this page; the recording has every message exactly once across both pages.
  await sendChatMessage(page, KAYAKS);
  await reply(page).nth(1).waitFor({ timeout: 15_000 });
  const second = (await reply(page).nth(1).textContent()) ?? '';
  expect(await shownMessages(page)).toEqual([DELIVERY, first, KAYAKS, second]);
  const sessionId = (await tabSessionId(page)) ?? '';
  await vi.waitFor(async () => {
    expect(recordedMessages(eventsOf(await readChunks(stack.db, sessionId)))).toEqual([
      DELIVERY,
      first,
      KAYAKS,
      second,
    ]);
  }, WAIT);
  expect(await problems.read()).toMatchObject({ errors: [], consoleErrors: [], widgetErrors: [] });
});

test('an operator reply reaches the open widget as it is written (with the name), is recorded once; a closed panel holds no stream', async ({
  stack,
}) => {
  const dashboard = await signInAsOwner(stack.server);
  const browser = await stack.launchBrowser();
  const { page, problems } = await stack.openPage(browser, 'index.html');
  const streams: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes(CHAT_UPDATES_PATH)) streams.push(r.url());
  });
  await openChat(page);
  await sendChatMessage(page, KAYAKS);
  await reply(page).waitFor({ timeout: 15_000 });
  const fallback = (await reply(page).textContent()) ?? '';
  const sessionId = (await tabSessionId(page)) ?? '';

  const answer = 'Anna here: yes, two models, in the Lake section.';
  await dashboard.request('POST', `/api/sessions/${sessionId}/messages`, { text: answer });
  const operator = page.locator('[data-hs=message][data-role=operator]');
  await operator.waitFor({ timeout: 10_000 });
  expect(await operator.locator('b').textContent()).toBe('anna');
  expect(await operator.textContent()).toBe(`anna${answer}`);
  expect(await shownMessages(page)).toEqual([KAYAKS, fallback, `anna${answer}`]);
  await vi.waitFor(async () => {
    expect(recordedMessages(eventsOf(await readChunks(stack.db, sessionId)))).toEqual([KAYAKS, fallback, answer]);
  }, WAIT);
  // One stream brought it: no polling.
  expect(streams).toHaveLength(1);

  // Closed: the stream ends and no other opens.
  const ended = page.waitForEvent('requestfailed', (r) => r.url().includes(CHAT_UPDATES_PATH));
  await page.locator('[data-hs=close]').click();
  await ended;
  await sleep(4_000);
  expect(streams).toHaveLength(1);
  // Open again: a stream after the newest message shown, and a second reply shows.
  await openChat(page);
  await operator.nth(0).waitFor();
  await dashboard.request('POST', `/api/sessions/${sessionId}/messages`, { text: 'Anything else?' });
  await operator.nth(1).waitFor({ timeout: 10_000 });
  expect(streams).toHaveLength(2);
  expect(new URL(streams[1] ?? '').searchParams.get('after')).toMatch(/^\d+$/);
  expect(await shownMessages(page)).toEqual([KAYAKS, fallback, `anna${answer}`, 'annaAnything else?']);
  expect(await problems.read()).toMatchObject({ errors: [], consoleErrors: [], widgetErrors: [] });
});

test('a failing responder shows a friendly error with Retry; the message stays, and Retry works once the webhook answers', async ({
  stack,
}) => {
  let healthy = false;
  const hook = await startWebhook((res) => {
    if (!healthy) return void res.writeHead(500).end('down');
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"reply":"Yes, it ships today."}');
  });
  const hookRequests = hook.bodies;
  try {
    await useWebhook(stack, hook.url);
    const browser = await stack.launchBrowser();
    const { page, problems } = await stack.openPage(browser, 'index.html');
    await openChat(page);
    await sendChatMessage(page, 'Is my order on its way?');
    const error = page.locator('[data-hs=error]');
    await error.waitFor({ timeout: 15_000 });
    expect(await error.textContent()).toMatch(/Sorry, I couldn't answer just now/);
    expect(await shownMessages(page)).toEqual(['Is my order on its way?']);
    expect((await problems.read()).widgetErrors.join()).toMatch(/chat/);

    healthy = true;
    await page.locator('[data-hs=retry]').click();
    await reply(page).waitFor({ timeout: 15_000 });
    expect(await shownMessages(page)).toEqual(['Is my order on its way?', 'Yes, it ships today.']);
    expect(await error.count()).toBe(0);
    // The retry reused the message's client id: stored once, answered once.
    expect(hookRequests).toHaveLength(2);
    expect(await storedMessages(stack, (await tabSessionId(page)) ?? '')).toEqual([
      { role: 'visitor', text: 'Is my order on its way?' },
      { role: 'assistant', text: 'Yes, it ships today.' },
    ]);
    expect((await problems.read()).errors).toEqual([]);
  } finally {
    await hook.close();
  }
});

test('a visitor who leaves before the reply finds it on the next page, shown and recorded once', async ({ stack }) => {
  // The owner's bot takes 3 s: the visitor navigates while the stream waits for it.
  const hook = await startWebhook((res) =>
    setTimeout(
      () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"reply":"Packed, on its way."}'),
      3_000,
    ),
  );
  try {
    await useWebhook(stack, hook.url);
    const browser = await stack.launchBrowser();
    const { page, problems } = await stack.openPage(browser, 'site/home.html');
    await openChat(page);
    await sendChatMessage(page, 'Where is my parcel?');
    await vi.waitFor(() => expect(hook.bodies).toHaveLength(1), WAIT);
    expect(await page.locator('[data-hs=reply]').count()).toBe(0); // no reply yet
    await page.locator('#next').click();
    await page.waitForURL('**/site/products.html');
    await openChat(page);
    await reply(page).waitFor({ timeout: 15_000 });
    expect(await shownMessages(page)).toEqual(['Where is my parcel?', 'Packed, on its way.']);
    const sessionId = (await tabSessionId(page)) ?? '';
    expect(await storedMessages(stack, sessionId)).toHaveLength(2);
    await vi.waitFor(async () => {
      expect(recordedMessages(eventsOf(await readChunks(stack.db, sessionId)))).toEqual([
        'Where is my parcel?',
        'Packed, on its way.',
      ]);
    }, WAIT);
    expect(hook.bodies).toHaveLength(1);
    // The stream the first page left behind was dropped quietly.
    expect(await problems.read()).toMatchObject({ errors: [], consoleErrors: [], widgetErrors: [] });
  } finally {
    await hook.close();
  }
});

test('with Global Privacy Control on, the chat still streams replies under a session id of its own; nothing is recorded', async ({
  stack,
}) => {
  const browser = await stack.launchBrowser({ globalPrivacyControl: true });
  const ingest: string[] = [];
  browser.context.on('request', (r) => {
    if (r.url().includes('/ingest/')) ingest.push(r.url());
  });
  const { page, problems } = await stack.openPage(browser, 'index.html');
  await openChat(page);
  const streamed = await watchStreaming(page);
  await sendChatMessage(page, DELIVERY);
  await reply(page).waitFor({ timeout: 15_000 });
  const final = (await reply(page).textContent()) ?? '';
  expect(final).toMatch(/two to four working days/);
  expect((await streamed()).length).toBeGreaterThan(2);

  const sessionId = await tabSessionId(page);
  expect(sessionId).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
  expect(await storedMessages(stack, sessionId ?? '')).toHaveLength(2);
  // The next page of the tab keeps the conversation (and still records nothing).
  await page.reload();
  await openChat(page);
  expect(await shownMessages(page)).toEqual([DELIVERY, final]);
  expect(await tabSessionId(page)).toBe(sessionId);
  expect(ingest).toEqual([]);
  expect(await readSessions(stack.db)).toEqual([]);
  expect(await problems.read()).toMatchObject({ errors: [], consoleErrors: [], widgetErrors: [] });
});
