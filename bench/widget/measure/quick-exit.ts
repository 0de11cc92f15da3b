import type { ReceivedBody } from '../servers/ingest-counter';
import type { Variant } from '../variants/variant';
import type { ProbeUnload } from './probe-types';
import { withBrowser } from './with-browser';

const WORKER_TIMEOUT_MS = 20_000;

/** What leaving the large page while its first batch was still being compressed cost. */
export interface QuickExitRecord {
  /** The large page's unload listeners (ms per event): the widget compresses what is in flight synchronously. */
  unload: ProbeUnload[];
  received: ReceivedBody[];
}

/**
 * Hindsight only: open the chat on the large page and leave for another page the moment the first batch went
 * to the compression worker (fflate starts one per batch, so the worker's start is that moment). Whatever is
 * still compressing is compressed again on the main thread in pagehide: this is the widget's worst unload.
 */
export function quickExitOnce(options: {
  variant: Variant;
  chromiumPath: string;
  siteOrigin: string;
  probeScript: string;
}): Promise<QuickExitRecord> {
  const { variant } = options;
  return withBrowser(options.chromiumPath, options.probeScript, async ({ page, meter }) => {
    variant.counter?.reset();
    const base = `${options.siteOrigin}/v/${variant.id}`;
    await page.goto(`${base}/large.html`, { waitUntil: 'load' });
    const compressing = page.waitForEvent('worker', { timeout: WORKER_TIMEOUT_MS });
    await page.locator('[data-hs="launcher"]').click();
    await compressing;
    await meter.close('large', true);
    await page.goto(`${base}/demo/about.html`, { waitUntil: 'load' });
    await meter.close('about', false);
    return { unload: meter.documents[0]?.unload ?? [], received: [...(variant.counter?.received ?? [])] };
  });
}
