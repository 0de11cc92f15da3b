import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, vi } from 'vitest';
import { type PageProblems, type Stack, test } from './support/stack';
import {
  duplicates,
  eventKey,
  eventsOf,
  readChunks,
  readStored,
  recordedInputValues,
  recordedMessages,
  type StoredChunk,
  type StoredEvent,
} from './support/stored-data';
import { STORED_WITHIN_MS, sleep } from './support/wait';
import { openChat, tabSessionId } from './support/widget';

const MARKER_EVERY_MS = 2_500;
const MB = 1024 * 1024;

/**
 * Every batch the page tried to send, read from the browser's side (Playwright sees each request, also the
 * ones that never reached a server): the events the page recorded and handed to the transport.
 */
function watchSentEvents(page: Page) {
  const bodies: Buffer[] = [];
  let failures = 0;
  const isBatch = (url: string) => url.includes('/ingest/v1/batch');
  page.on('request', (request) => {
    const body = isBatch(request.url()) ? request.postDataBuffer() : null;
    if (body) bodies.push(body);
  });
  page.on('requestfailed', (request) => {
    if (isBatch(request.url())) failures++;
  });
  return {
    /** Batch requests that failed at the network level (no HTTP answer). */
    get failures() {
      return failures;
    },
    events: (): StoredEvent[] => bodies.flatMap((body) => JSON.parse(gunzipSync(body).toString()).events),
  };
}

/**
 * The page's problems, leaving out the chat's own reports: the markers are chat messages, and a message sent
 * while the server is unreachable (or after the chat's rate limit) fails by design: the panel shows it and the
 * site hears it (`error` with kind `chat`). What must stay silent is the recording.
 */
function recorderProblems(problems: Pick<PageProblems, 'errors' | 'consoleErrors' | 'widgetErrors'>) {
  const { errors, consoleErrors, widgetErrors } = problems;
  return { errors, consoleErrors, widgetErrors: widgetErrors.filter((e) => !e.includes('"kind":"chat"')) };
}

/** A marker the recording must keep: typed into a field (input events) and sent as a chat message (custom event). */
async function leaveMarker(page: Page, label: string): Promise<void> {
  await page.locator('#notes').pressSequentially(`${label} `);
  await page.evaluate(
    (text) => (window as unknown as { Hindsight: (...a: unknown[]) => unknown }).Hindsight('send', text),
    label,
  );
}

/** Leaves a marker every few seconds for `durationMs`; answers their labels. */
async function leaveMarkersFor(page: Page, prefix: string, durationMs: number): Promise<string[]> {
  const labels: string[] = [];
  const end = Date.now() + durationMs;
  while (Date.now() < end) {
    const label = `${prefix}-${labels.length + 1}`;
    await leaveMarker(page, label);
    labels.push(label);
    await sleep(Math.min(MARKER_EVERY_MS, Math.max(0, end - Date.now())));
  }
  return labels;
}

/** Opens the paste-the-tag page, starts a chat and waits until its first marker is stored. */
async function startRecordedChat(stack: Stack) {
  const browser = await stack.launchBrowser();
  const { page, problems } = await stack.openPage(browser, 'index.html');
  const sent = watchSentEvents(page);
  await openChat(page);
  await leaveMarker(page, 'before-1');
  const sessionId = (await tabSessionId(page))!;
  await vi.waitFor(
    async () => expect(recordedMessages(eventsOf(await readChunks(stack.db, sessionId)))).toContain('before-1'),
    { timeout: STORED_WITHIN_MS, interval: 250 },
  );
  return { browser, page, problems, sent, sessionId };
}

/**
 * Nothing lost, nothing twice: one session, sequence numbers 0..n without gaps, every event the page sent (or
 * tried to) stored exactly once, every marker's message once and in order, and the field's final value.
 */
async function expectEverythingStored(
  stack: Stack,
  page: Page,
  sessionId: string,
  sent: ReturnType<typeof watchSentEvents>,
  markers: string[],
): Promise<StoredChunk[]> {
  const finalNotes = await page.locator('#notes').inputValue();
  const { sessions, chunks } = await vi.waitFor(
    async () => {
      const stored = await readStored(stack.db);
      const events = eventsOf(stored.chunks);
      expect(recordedMessages(events).filter((text) => markers.includes(text))).toEqual(markers);
      expect(recordedInputValues(events)).toContain(finalNotes);
      const storedKeys = new Set(events.map(eventKey));
      expect(sent.events().filter((event) => !storedKeys.has(eventKey(event)))).toEqual([]);
      return stored;
    },
    { timeout: 90_000, interval: 500 },
  );
  expect(new Set(chunks.map((chunk) => chunk.sessionId))).toEqual(new Set([sessionId]));
  expect(chunks.map((chunk) => chunk.seq)).toEqual(chunks.map((_, index) => index));
  expect(duplicates(eventsOf(chunks))).toEqual([]);
  expect(sessions).toHaveLength(1);
  expect(sessions[0]).toMatchObject({ id: sessionId, status: 'active', dropped_events: 0, chunk_count: chunks.length });
  expect(await tabSessionId(page)).toBe(sessionId);
  return chunks;
}

// Independent scenarios with long waits: each has its own server, database and browser, so they run at once.
describe.concurrent('outages', () => {
  test('server stopped for 20 s mid-session, then started again on the same port: every recorded event arrives once', async ({
    stack,
  }) => {
    // Straight to the server, no proxy: while it is down the browser meets refused connections.
    stack.site.widgetOrigin = stack.server.origin;
    const { page, problems, sent, sessionId } = await startRecordedChat(stack);

    await stack.stopServer();
    const during = await leaveMarkersFor(page, 'server-down', 20_000);
    await stack.restartServer();
    expect(sent.failures).toBeGreaterThan(0); // the outage did hit the transport
    await leaveMarker(page, 'after-1');

    await expectEverythingStored(stack, page, sessionId, sent, ['before-1', ...during, 'after-1']);
    expect(recorderProblems(await problems.read())).toEqual({ errors: [], consoleErrors: [], widgetErrors: [] });
  });

  test('browser offline for 20 s: nothing lost', async ({ stack }) => {
    const { browser, page, problems, sent, sessionId } = await startRecordedChat(stack);

    await browser.context.setOffline(true);
    const during = await leaveMarkersFor(page, 'offline', 20_000);
    await browser.context.setOffline(false);
    expect(sent.failures).toBeGreaterThan(0);
    await leaveMarker(page, 'after-1');

    await expectEverythingStored(stack, page, sessionId, sent, ['before-1', ...during, 'after-1']);
    expect(recorderProblems(await problems.read())).toEqual({ errors: [], consoleErrors: [], widgetErrors: [] });
  });

  test('ingest answering 500 for a minute: no error in the page, bounded memory, and the same session continues once it recovers', async ({
    stack,
  }) => {
    const { browser, page, problems, sent, sessionId } = await startRecordedChat(stack);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const heapUsed = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
    };
    const heapBefore = await heapUsed();
    const receivedBefore = stack.proxy.received.length;

    stack.proxy.failIngest = true;
    const during = await leaveMarkersFor(page, 'failing', 60_000);
    const heapDuring = await heapUsed();
    const failed = stack.proxy.received.slice(receivedBefore).filter((request) => request.status === 500).length;
    stack.proxy.failIngest = false;
    await leaveMarker(page, 'after-1');

    await expectEverythingStored(stack, page, sessionId, sent, ['before-1', ...during, 'after-1']);
    // It kept retrying, with backoff (not a request per event or a tight loop).
    expect(failed).toBeGreaterThanOrEqual(3);
    expect(failed).toBeLessThan(40);
    expect(heapDuring - heapBefore).toBeLessThan(16 * MB);
    const { networkLog, ...rest } = await problems.read();
    expect(recorderProblems(rest)).toEqual({ errors: [], consoleErrors: [], widgetErrors: [] });
    // What the page does get is the browser's own network log line for each failed request (scripts cannot see it).
    // (and 429 for the chat messages past the chat's rate limit: the markers are one every 2.5 s).
    expect(networkLog.every((line) => /status of (500|429)/.test(line))).toBe(true);
  });
});
