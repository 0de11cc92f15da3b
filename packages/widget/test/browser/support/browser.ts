import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../../../server/test/support/chromium-flags';

export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A real Chromium with a fresh profile: one browser, one context, nothing shared with other tests. */
export async function launchBrowser(options: { globalPrivacyControl?: boolean } = {}): Promise<TestBrowser> {
  const profile = await mkdtemp(path.join(tmpdir(), 'hindsight-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  if (options.globalPrivacyControl) {
    // Chromium has no setting for GPC; this is what a browser that sends it exposes to scripts.
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }),
    );
  }
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** What a page reported as errors: uncaught exceptions, unhandled rejections and console errors. */
export interface PageProblems {
  /** Uncaught exceptions and unhandled promise rejections (Playwright's `pageerror` plus window listeners). */
  errors: string[];
  /** console.error calls by scripts. */
  consoleErrors: string[];
  /** The browser's own network log lines ("Failed to load resource: ... 500"): no script can see or cause these. */
  networkLog: string[];
  /** What the widget reported through `Hindsight('on', 'error')` (a recorder that failed to load, dropped events...). */
  widgetErrors: string[];
}

/**
 * Watches a page for errors. The window listeners are installed before any page script runs, so they also
 * catch what a page's own handlers would swallow.
 */
export async function watchProblems(page: Page): Promise<PageProblems & { read(): Promise<PageProblems> }> {
  const problems: PageProblems = { errors: [], consoleErrors: [], networkLog: [], widgetErrors: [] };
  page.on('pageerror', (error) => problems.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (text.startsWith('Failed to load resource')) problems.networkLog.push(text);
    else problems.consoleErrors.push(text);
  });
  await page.addInitScript(() => {
    type Probe = { __seenErrors: string[]; __widgetErrors: string[] };
    const probe = window as unknown as Probe & { Hindsight?: ((...args: unknown[]) => void) & { q?: unknown[] } };
    probe.__seenErrors = [];
    probe.__widgetErrors = [];
    window.addEventListener('error', (event) => probe.__seenErrors.push(`error: ${event.message}`));
    window.addEventListener('unhandledrejection', (event) =>
      probe.__seenErrors.push(`unhandledrejection: ${String(event.reason)}`),
    );
    // The snippet's queue stub, a moment early (the page's own `window.Hindsight || ...` keeps it), to listen to
    // the widget's error event from its very start, as a site can.
    const stub = (...args: unknown[]) => {
      stub.q.push(args);
    };
    stub.q = [] as unknown[];
    probe.Hindsight ??= stub;
    probe.Hindsight('on', 'error', (error: unknown) => probe.__widgetErrors.push(JSON.stringify(error)));
  });
  return {
    ...problems,
    async read() {
      const seen = await page
        .evaluate(() => {
          const probe = window as unknown as { __seenErrors?: string[]; __widgetErrors?: string[] };
          return { errors: probe.__seenErrors ?? [], widgetErrors: probe.__widgetErrors ?? [] };
        })
        .catch(() => ({ errors: [], widgetErrors: [] }));
      return { ...problems, errors: [...problems.errors, ...seen.errors], widgetErrors: seen.widgetErrors };
    },
  };
}
