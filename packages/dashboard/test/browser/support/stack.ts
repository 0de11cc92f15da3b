import type { Page } from 'playwright-core';
import { createTestDatabase } from '../../../../server/test/support/test-database';
import { launchBrowser, type TestBrowser, watchProblems } from './browser';
import { type HindsightServer, OWNER, startHindsightServer } from './hindsight-server';

/** One test file's world: its own database, the server process on it, and one Chromium. */
export interface Stack {
  server: HindsightServer;
  browser: TestBrowser;
  /** A second Chromium with its own profile (another person), closed with the stack. */
  launchBrowser(): Promise<TestBrowser>;
  /** A new tab, watched for page errors (`problems.errors` should stay empty). */
  newPage(): Promise<{ page: Page; problems: ReturnType<typeof watchProblems> }>;
  /**
   * A new tab on the owner's Sessions page. The browser profile keeps the sign-in cookie, so only the first
   * call fills the sign-in form.
   */
  signedInPage(): Promise<{ page: Page; problems: ReturnType<typeof watchProblems> }>;
  stop(): Promise<void>;
}

/** Starts a file's stack; `owner: false` leaves the server without an owner (it prints the setup link). */
export async function startStack(options: { owner?: boolean } = {}): Promise<Stack> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.error('cleanup failed', error));
  };
  try {
    const database = await createTestDatabase({ migrate: false });
    cleanups.push(() => database.drop());
    const server = await startHindsightServer(database.url, options);
    cleanups.push(() => server.stop());
    const browser = await launchBrowser();
    cleanups.push(() => browser.close());
    const newPage = async () => {
      const page = await browser.context.newPage();
      return { page, problems: watchProblems(page) };
    };
    return {
      server,
      browser,
      async launchBrowser() {
        const other = await launchBrowser();
        cleanups.push(() => other.close());
        return other;
      },
      newPage,
      async signedInPage() {
        const opened = await newPage();
        await opened.page.goto(`${server.origin}/`);
        const sessionsUrl = /\/apps\/[^/]+\/sessions/;
        const form = opened.page.getByRole('button', { name: 'Sign in' });
        await Promise.race([opened.page.waitForURL(sessionsUrl), form.waitFor()]);
        if (!sessionsUrl.test(opened.page.url())) {
          await signIn(opened.page, server.origin, OWNER.password);
          await opened.page.waitForURL(sessionsUrl);
        }
        return opened;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Fills the sign-in form as a person does (starting from `/`, which sends a signed-out visitor to sign-in). */
export async function signIn(page: Page, origin: string, password: string): Promise<void> {
  if (!page.url().includes('/signin')) await page.goto(`${origin}/`);
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
