import type { Page } from 'playwright-core';
import { test as base } from 'vitest';
import type { Db } from '../../../../server/src/db/database';
import { createTestDatabase, type TestDatabase } from '../../../../server/test/support/test-database';
import { launchBrowser, type PageProblems, type TestBrowser, watchProblems } from './browser';
import { type HindsightServer, startHindsightServer } from './hindsight-server';
import { type IngestProxy, startIngestProxy } from './ingest-proxy';
import { type SiteServer, startSiteServer } from './site-server';

/**
 * Everything one test needs, its own: a database, the Hindsight server process on it, a recording proxy in
 * front of the server, a customer site on another origin, and browsers. Pages load widget.js through the proxy
 * unless a test points `site.widgetOrigin` at the server itself.
 */
export interface Stack {
  db: Db;
  server: HindsightServer;
  proxy: IngestProxy;
  site: SiteServer;
  /** A fresh Chromium (closed after the test). */
  launchBrowser(options?: { globalPrivacyControl?: boolean }): Promise<TestBrowser>;
  /** Opens a site page in a new tab, watching it for errors. */
  openPage(browser: TestBrowser, page: string): Promise<{ page: Page; problems: WatchedProblems }>;
  /** Stops the server process (SIGTERM) and, with `restartServer`, starts it again on the same port and database. */
  stopServer(): Promise<void>;
  restartServer(): Promise<void>;
}

export type WatchedProblems = Awaited<ReturnType<typeof watchProblems>>;
export type { PageProblems };

async function startStack(): Promise<Stack & { stop(): Promise<void> }> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.error('cleanup failed', error));
  };
  try {
    const database: TestDatabase = await createTestDatabase({ migrate: false });
    cleanups.push(() => database.drop());
    let server = await startHindsightServer({ databaseUrl: database.url });
    cleanups.push(() => server.stop());
    const proxy = await startIngestProxy({ port: server.port });
    cleanups.push(() => proxy.close());
    const site = await startSiteServer({ widgetOrigin: proxy.origin, appKey: server.appKey });
    cleanups.push(() => site.close());
    const browsers: TestBrowser[] = [];
    cleanups.push(() => Promise.all(browsers.map((b) => b.close())));

    return {
      db: database.db,
      get server() {
        return server;
      },
      proxy,
      site,
      async launchBrowser(options) {
        const browser = await launchBrowser(options);
        browsers.push(browser);
        return browser;
      },
      async openPage(browser, name) {
        const page = await browser.context.newPage();
        const problems = await watchProblems(page);
        await page.goto(site.url(name));
        return { page, problems };
      },
      stopServer: () => server.stop(),
      async restartServer() {
        server = await startHindsightServer({ databaseUrl: database.url, port: server.port });
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** `test` with a `stack` fixture: started before the test, torn down after it (also when it fails). */
export const test = base.extend<{ stack: Stack }>({
  // biome-ignore lint/correctness/noEmptyPattern: vitest fixtures must destructure their first argument
  stack: async ({}, use) => {
    const stack = await startStack();
    try {
      await use(stack);
    } finally {
      await stack.stop();
    }
  },
});
