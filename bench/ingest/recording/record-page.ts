import { createRequire } from 'node:module';
import path from 'node:path';
import type { PageMeta, WireEvent } from '@hindsight/shared';
import type { BrowserContext } from 'playwright-core';
import type { FixturePage } from '../pages/fixture-page';

// The package's exports map hides dist/; resolve its main file and take the UMD bundle beside it.
const RECORDER_BUNDLE = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@rrweb/record')),
  'record.umd.min.cjs',
);

const STEP_TIMEOUT_MS = 5_000;

export interface PageRecording {
  meta: PageMeta;
  events: WireEvent[];
}

/**
 * Opens `fixture` in a new tab, injects the rrweb recorder once the page has loaded (as the widget's lazy
 * recorder would), runs the scripted visit and returns every event exactly as the page serialised it.
 */
export async function recordPage(
  context: BrowserContext,
  origin: string,
  fixture: FixturePage,
  referrer: string | undefined,
): Promise<PageRecording> {
  const page = await context.newPage();
  // A step that cannot happen should fail the recording quickly, not stall it for Playwright's default 30 s.
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  try {
    await page.goto(`${origin}${fixture.path}`, { waitUntil: 'load', ...(referrer ? { referer: referrer } : {}) });
    await page.addScriptTag({ path: RECORDER_BUNDLE });
    // A string, not a function: tsx's keepNames would wrap a function in `__name(...)`, unknown in the page.
    await page.evaluate('window.__events = []; rrwebRecord.record({ emit(event) { window.__events.push(event); } })');
    await fixture.visit(page);
    const json = await page.evaluate<string>('JSON.stringify(window.__events)');
    const meta = await page.evaluate<PageMeta>(
      '({ url: location.href, referrer: document.referrer, width: innerWidth, height: innerHeight })',
    );
    return { meta, events: JSON.parse(json) as WireEvent[] };
  } finally {
    await page.close();
  }
}
