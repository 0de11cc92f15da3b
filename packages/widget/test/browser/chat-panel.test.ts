import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { test } from './support/stack';

/** Which of the widget's elements (its `data-hs`) has the focus inside the widget's shadow root. */
const focusedHook = (page: Page) =>
  page.evaluate(() => document.querySelector('hindsight-widget')?.shadowRoot?.activeElement?.getAttribute('data-hs'));

test('the chat works from the keyboard alone: open, type, send, close, with focus where a visitor expects it', async ({
  stack,
}) => {
  const browser = await stack.launchBrowser();
  const { page, problems } = await stack.openPage(browser, 'index.html');
  const launcher = page.locator('[data-hs=launcher]');
  const panel = page.locator('[data-hs=panel]');
  await launcher.waitFor({ state: 'visible' });

  await launcher.focus();
  await page.keyboard.press('Enter');
  await panel.waitFor({ state: 'visible' });
  expect(await launcher.getAttribute('aria-expanded')).toBe('true');
  await expect.poll(() => focusedHook(page)).toBe('input');

  await page.keyboard.type('Typed without a mouse');
  await page.keyboard.press('Enter');
  await page.locator('[data-hs=message][data-role=visitor]', { hasText: 'Typed without a mouse' }).waitFor();
  expect(await page.locator('[data-hs=input]').inputValue()).toBe('');
  // Send is disabled while the reply streams in; the reply (the default knowledge responder's) ends that.
  await page.locator('[data-hs=message][data-role=assistant]').waitFor();
  // Shift+Enter is a new line, not a send.
  await page.keyboard.type('line one');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('line two');
  expect(await page.locator('[data-hs=input]').inputValue()).toBe('line one\nline two');
  await page.keyboard.press('Tab');
  expect(await focusedHook(page)).toBe('send');

  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'hidden' });
  expect(await launcher.getAttribute('aria-expanded')).toBe('false');
  expect(await focusedHook(page)).toBe('launcher');
  expect(await problems.read()).toMatchObject({ errors: [], widgetErrors: [] });
});

test('on a phone-sized screen the open panel fills the viewport', async ({ stack }) => {
  const browser = await stack.launchBrowser();
  const { page, problems } = await stack.openPage(browser, 'index.html');
  await page.setViewportSize({ width: 375, height: 667 });
  await page.locator('[data-hs=launcher]').click();
  const panel = page.locator('[data-hs=panel]');
  await panel.waitFor({ state: 'visible' });
  expect(await panel.boundingBox()).toEqual({ x: 0, y: 0, width: 375, height: 667 });
  // The composer and the close button are on screen and usable.
  for (const hook of ['input', 'send', 'close']) {
    const box = await page.locator(`[data-hs=${hook}]`).boundingBox();
    expect(box, hook).not.toBeNull();
    expect(box!.y + box!.height, hook).toBeLessThanOrEqual(667);
    expect(box!.x + box!.width, hook).toBeLessThanOrEqual(375);
  }
  await page.locator('[data-hs=close]').click();
  await panel.waitFor({ state: 'hidden' });
  expect(await problems.read()).toMatchObject({ errors: [], widgetErrors: [] });
});

/** Whether the newest message holding `text` is inside the list's visible area (the list scrolls; the page does not). */
const inView = (page: Page, text: string) =>
  page.evaluate((wanted) => {
    const root = document.querySelector('hindsight-widget')?.shadowRoot;
    const list = root?.querySelector('.hs-list')?.getBoundingClientRect();
    const bubble = [...(root?.querySelectorAll('.hs-msg') ?? [])].findLast((node) =>
      node.textContent?.includes(wanted),
    );
    const box = bubble?.getBoundingClientRect();
    return !!list && !!box && box.top >= list.top && box.bottom <= list.bottom;
  }, text);

test('a conversation longer than the panel shows its newest message, as it arrives and on the next page', async ({
  stack,
}) => {
  const browser = await stack.launchBrowser();
  const { page, problems } = await stack.openPage(browser, 'index.html');
  await page.locator('[data-hs=launcher]').click();
  const input = page.locator('[data-hs=input]');
  const replies = page.locator('[data-hs=message][data-role=assistant]');
  for (let n = 1; n <= 5; n++) {
    await input.fill(`Question number ${n}`);
    await input.press('Enter');
    await replies.nth(n - 1).waitFor();
    // The reply's end is on screen without any scrolling by the visitor.
    const reply = (await replies.nth(n - 1).textContent()) ?? '';
    expect(await inView(page, reply.slice(-20)), `reply ${n}`).toBe(true);
  }
  const lastReply = (await replies.last().textContent()) ?? '';
  // Five questions and replies (a chat's burst allowance) do not fit: the greeting has scrolled out of view.
  expect(await inView(page, 'Hi! Ask us anything.')).toBe(false);

  await page.goto(stack.site.url('privacy.html'));
  await replies.nth(4).waitFor();
  expect(await inView(page, lastReply.slice(-20))).toBe(true);
  expect(await inView(page, 'Hi! Ask us anything.')).toBe(false);
  expect(await problems.read()).toMatchObject({ errors: [], widgetErrors: [] });
});
