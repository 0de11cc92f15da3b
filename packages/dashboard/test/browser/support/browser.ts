import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../../../server/test/support/chromium-flags';

export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A real Chromium with a fresh profile. */
export async function launchBrowser(options: { width?: number; height?: number } = {}): Promise<TestBrowser> {
  const profile = await mkdtemp(path.join(tmpdir(), 'hindsight-dashboard-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Collects what a page reports as errors: uncaught exceptions and console errors (CSP violations included).
 * The browser's own network log lines ("Failed to load resource: 401") are kept apart: a 401 is expected on sign-in.
 */
export function watchProblems(page: Page): { errors: string[]; networkLog: string[] } {
  const problems = { errors: [] as string[], networkLog: [] as string[] };
  page.on('pageerror', (error) => problems.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (text.startsWith('Failed to load resource')) problems.networkLog.push(text);
    else problems.errors.push(text);
  });
  return problems;
}
