import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type CDPSession, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../../packages/server/test/support/chromium-flags';
import { createDocumentMeter, type DocumentMeter } from './document-meter';

const VIEWPORT = { width: 1280, height: 800 };

export interface BrowserSession {
  page: Page;
  meter: DocumentMeter;
  /** The page's DevTools session (the meter's counters are on it). */
  cdp: CDPSession;
  /** Web workers the pages started so far (the widget starts one per page, on its first batch). */
  workersStarted(): number;
}

/**
 * Runs `work` in a fresh Chromium with a fresh profile (nothing cached, no storage), the page probe installed
 * in every document and CDP Performance counters on; closes it and removes the profile afterwards.
 */
export async function withBrowser<T>(
  chromiumPath: string,
  probeScript: string,
  work: (session: BrowserSession) => Promise<T>,
): Promise<T> {
  const profile = await mkdtemp(path.join(tmpdir(), 'hindsight-widget-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
  });
  try {
    await context.addInitScript({ content: probeScript });
    const page = context.pages()[0] ?? (await context.newPage());
    let workers = 0;
    page.on('worker', () => void workers++);
    const cdp = await context.newCDPSession(page);
    const meter = createDocumentMeter(page, cdp);
    await meter.start();
    return await work({ page, meter, cdp, workersStarted: () => workers });
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}
