import type { Page } from 'playwright-core';

const TIMEOUT_MS = 15_000;

/**
 * Opens the chat as a visitor does: a click on the launcher; resolves once the panel shows. A panel left open on
 * the tab's previous page is open already (the launcher says so from the moment it shows): no click, which
 * would close it.
 */
export async function openChat(page: Page): Promise<void> {
  const launcher = page.locator('[data-hs=launcher]');
  await launcher.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  if ((await launcher.getAttribute('aria-expanded')) !== 'true') await launcher.click({ timeout: TIMEOUT_MS });
  await page.locator('[data-hs=panel]').waitFor({ state: 'visible', timeout: TIMEOUT_MS });
}

/** Types a message into the chat and sends it; resolves once it shows in the message list. */
export async function sendChatMessage(page: Page, text: string): Promise<void> {
  await page.locator('[data-hs=input]').fill(text, { timeout: TIMEOUT_MS });
  await page.locator('[data-hs=send]').click({ timeout: TIMEOUT_MS });
  await page
    .locator('[data-hs=message][data-role=visitor]', { hasText: text })
    .waitFor({ state: 'visible', timeout: TIMEOUT_MS });
}

/** The session id the widget keeps in the tab's sessionStorage (undefined before a session starts). */
export function tabSessionId(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    for (let i = 0; i < sessionStorage.length; i++) {
      const key = sessionStorage.key(i) ?? '';
      if (/^hindsight:.*:session$/.test(key))
        return (JSON.parse(sessionStorage.getItem(key) ?? '{}') as { id?: string }).id;
    }
    return undefined;
  });
}
