import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { endSession, type RecordedSession, recordSession, sendPrompt } from './support/record-session';
import { type Stack, startStack } from './support/stack';

/** Generous: the list refreshes every 5 s, on a machine shared with other builds and browsers. */
const REFRESHED_WITHIN_MS = 20_000;

let stack: Stack;
let docs: RecordedSession;
let products: RecordedSession;

const rows = (page: Page) => page.locator('tbody tr');
const count = (page: Page, key: string) => page.locator(`[data-count="${key}"] dd`);

beforeAll(async () => {
  stack = await startStack();
  const { origin, appKey } = stack.server;
  // A finished visit (the visitor ended the chat) and one still going.
  docs = await recordSession({ origin, appKey, sessionId: 'dash_docs_session_0001', page: 'docs' });
  await endSession({ origin, appKey, sessionId: docs.sessionId });
  products = await recordSession({
    origin,
    appKey,
    sessionId: 'dash_products_session_01',
    page: 'products',
    batches: 4,
  });
}, 180_000);

afterAll(() => stack?.stop());

describe('sessions page', () => {
  it('lists each recorded session with its counts', async () => {
    const { page, problems } = await stack.signedInPage();
    await expect.poll(() => rows(page).count()).toBe(2);
    expect(await count(page, 'total').textContent()).toBe('2');
    expect(await count(page, 'active').textContent()).toBe('1');
    expect(await count(page, 'completed').textContent()).toBe('1');
    expect(await count(page, 'events').textContent()).toBe(String(docs.events + products.events));

    // Newest first: the products session was recorded last.
    const first = rows(page).nth(0);
    const second = rows(page).nth(1);
    expect(await first.getAttribute('data-session-id')).toBe(products.sessionId);
    expect(await first.locator('[data-label="Events"]').textContent()).toBe(String(products.events));
    expect(await first.locator('.badge-active').textContent()).toBe('Active');
    expect(await second.locator('.url-host').textContent()).toBe('127.0.0.1:42103');
    expect(await second.locator('.url-path').textContent()).toBe('/docs/getting-started#s20');
    expect(await second.locator('[data-label="Events"]').textContent()).toBe(String(docs.events));
    expect(await second.locator('[data-label="Status"]').textContent()).toBe('CompletedChat ended');
    expect(await second.locator('.row-link').getAttribute('href')).toBe(`/sessions/${docs.sessionId}`);
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('filters by status in the URL, and a reload of that URL shows the same rows', async () => {
    const { page, problems } = await stack.signedInPage();
    await expect.poll(() => rows(page).count()).toBe(2);

    await page.getByRole('link', { name: /^Active/ }).click();
    await page.waitForURL(/\?status=active$/);
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().getAttribute('data-session-id')).toBe(products.sessionId);

    await page.getByRole('link', { name: /^Completed/ }).click();
    await page.waitForURL(/\?status=completed$/);
    await expect.poll(() => rows(page).first().getAttribute('data-session-id')).toBe(docs.sessionId);
    expect(await rows(page).count()).toBe(1);

    // Deep link: the server answers index.html for the path, the SPA reads the filter back from the URL.
    await page.reload();
    await expect.poll(() => rows(page).first().getAttribute('data-session-id')).toBe(docs.sessionId);
    expect(await rows(page).count()).toBe(1);
    expect(await page.getByRole('link', { name: /^Completed/ }).getAttribute('aria-current')).toBe('page');

    await page.getByRole('link', { name: /^All/ }).click();
    await expect.poll(() => rows(page).count()).toBe(2);
    expect(new URL(page.url()).search).toBe('');
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('searches landing URLs and shows an empty state when nothing matches', async () => {
    const { page } = await stack.signedInPage();
    await expect.poll(() => rows(page).count()).toBe(2);
    await page.getByLabel('Search sessions').fill('getting-started');
    await page.waitForURL(/q=getting-started/);
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().getAttribute('data-session-id')).toBe(docs.sessionId);

    // A row's visitor link lists that visitor's sessions (an exact visitor id match on the server).
    await rows(page).first().locator('.visitor-link').click();
    await page.waitForURL(/q=v_bench_fixture_visitor/);
    expect(await page.getByLabel('Search sessions').inputValue()).toBe('v_bench_fixture_visitor');
    await expect.poll(() => rows(page).count()).toBe(2);

    await page.getByLabel('Search sessions').fill('no-such-page');
    await page.getByText('No sessions match.').waitFor();
    expect(await rows(page).count()).toBe(0);
    await page.close();
  });

  it('opens a replay deep link on reload, and shows new sessions without a reload', async () => {
    const { page, problems } = await stack.signedInPage();
    await expect.poll(() => rows(page).count()).toBe(2);
    await page.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    });
    const { origin, appKey } = stack.server;
    await recordSession({ origin, appKey, sessionId: 'dash_signup_session_001', page: 'signup', batches: 2 });
    await vi.waitFor(
      async () => expect(await rows(page).first().getAttribute('data-session-id')).toBe('dash_signup_session_001'),
      { timeout: REFRESHED_WITHIN_MS, interval: 500 },
    );
    expect(await count(page, 'total').textContent()).toBe('3');
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

    const deepLink = `${origin}/sessions/${docs.sessionId}#t=93.5`;
    await page.goto(deepLink);
    await page.reload();
    expect(page.url()).toBe(deepLink);
    await page.locator('header .brand').waitFor();
    expect(await page.getByText('There is no page at this address.').count()).toBe(0);
    expect(problems.errors).toEqual([]);
    await page.close();
  });
});

describe('activity page', () => {
  it('shows the prompt as text with a link to its moment, the sessions, and the chart totals', async () => {
    const { origin, appKey } = stack.server;
    const text = 'Where is <b>my order</b>?';
    await sendPrompt({
      origin,
      appKey,
      sessionId: products.sessionId,
      seq: products.batches,
      text,
      timestamp: products.firstTimestamp + 93_500,
    });
    const { page, problems } = await stack.signedInPage();
    await page.getByRole('link', { name: 'Activity' }).click();
    await page.waitForURL(/\/activity$/);

    const prompt = page.locator('.feed-prompt');
    await prompt.first().waitFor();
    expect(await prompt.count()).toBe(1);
    expect(await prompt.locator('blockquote').textContent()).toBe(text);
    expect(await prompt.locator('b').count()).toBe(0);
    expect(await prompt.locator('a').getAttribute('href')).toBe(`/sessions/${products.sessionId}#t=93.5`);
    // Three sessions were recorded in this file (the products and docs ones, then signup), each one item.
    expect(await page.locator('.feed-session').count()).toBe(3);

    const chart = page.locator('figure.chart svg');
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toBe('3 sessions and 1 prompts in the last 24 hours, per hour.');
    expect(await page.locator('.chart-bucket').count()).toBeGreaterThanOrEqual(24);
    expect(await page.locator('.chart-sessions[height]:not([height="0"])').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-count="sessions"] dd').textContent()).toBe('3');
    expect(await page.locator('[data-count="prompts"] dd').textContent()).toBe('1');

    await page.getByRole('link', { name: 'Prompts', exact: true }).click();
    await page.waitForURL(/\?type=prompts$/);
    await expect.poll(() => page.locator('.feed-session').count()).toBe(0);
    expect(await page.locator('.feed-prompt').count()).toBe(1);

    await page.getByRole('link', { name: '30 days' }).click();
    await page.waitForURL(/range=30d/);
    await page.getByRole('heading', { name: 'Last 30 days' }).waitFor();
    await expect.poll(() => chart.getAttribute('aria-label')).toMatch(/^3 sessions and 1 prompts in the last 30 days/);
    expect(problems.errors).toEqual([]);
    await page.close();
  });
});
