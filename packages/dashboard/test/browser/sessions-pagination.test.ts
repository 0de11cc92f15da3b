import { afterAll, beforeAll, expect, it } from 'vitest';
import { recordSession, sendPrompt } from './support/record-session';
import { type Stack, startStack } from './support/stack';

/** One more than the page the Sessions list asks for (PAGE_SIZE = 50), plus a few. */
const SESSIONS = 53;
const PAGE_SIZE = 50;

let stack: Stack;
const ids: string[] = [];

beforeAll(async () => {
  stack = await startStack();
  const { origin, appKey } = stack.server;
  for (let index = 0; index < SESSIONS; index++) {
    const sessionId = `dash_page_session_${String(index).padStart(4, '0')}`;
    await recordSession({ origin, appKey, sessionId, page: 'docs', batches: 1 });
    ids.push(sessionId);
  }
}, 240_000);

afterAll(() => stack?.stop());

it('pages the Sessions list with Load more, newest first, without duplicates', async () => {
  const { page, problems } = await stack.signedInPage();
  const rows = page.locator('tbody tr');
  await expect.poll(() => rows.count()).toBe(PAGE_SIZE);
  expect(await page.locator('[data-count="total"] dd').textContent()).toBe(String(SESSIONS));

  await page.getByRole('button', { name: 'Load more' }).click();
  await expect.poll(() => rows.count()).toBe(SESSIONS);
  const shown = await rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-session-id')));
  // Recorded one after another, so newest first is the reverse of the recording order.
  expect(shown).toEqual([...ids].reverse());
  expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
  expect(problems.errors).toEqual([]);
});

it('erases a visitor’s sessions after a confirmation', async () => {
  const { page, problems } = await stack.signedInPage();
  await expect.poll(() => page.locator('tbody tr').count()).toBe(PAGE_SIZE);
  await page.getByRole('button', { name: 'Erase a visitor…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Erase a visitor’s sessions' });
  // Cancel leaves everything as it was.
  await dialog.getByLabel('Visitor id').fill('v_bench_fixture_visitor');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  expect(await page.locator('[data-count="total"] dd').textContent()).toBe(String(SESSIONS));

  await page.getByRole('button', { name: 'Erase a visitor…' }).click();
  // Every fixture batch carries the same visitor id: all the sessions are that visitor's.
  await dialog.getByLabel('Visitor id').fill('v_bench_fixture_visitor');
  await dialog.getByRole('button', { name: 'Erase for good' }).click();
  await page.getByText(`Erased ${SESSIONS} sessions of visitor v_bench_fixture_visitor.`).first().waitFor();
  await page.getByText('No sessions recorded yet.').waitFor();
  expect(await page.locator('[data-count="total"] dd').textContent()).toBe('0');
  expect(problems.errors).toEqual([]);
});

it('marks a session without a full snapshot as not replayable', async () => {
  // Only a chat message: no page metadata, no full snapshot (as when recording failed to start).
  const { origin, appKey } = stack.server;
  await sendPrompt({
    origin,
    appKey,
    sessionId: 'dash_no_snapshot_0001',
    seq: 0,
    text: 'hello',
    timestamp: Date.now(),
  });
  const { page, problems } = await stack.signedInPage();
  const row = page.locator('tbody tr[data-session-id="dash_no_snapshot_0001"]');
  await row.waitFor();
  expect(await row.locator('.badge-muted').textContent()).toBe('no replay');
  expect(await row.locator('.row-link').textContent()).toBe('Unknown page');
  expect(problems.errors).toEqual([]);
});
