import type { ReceivedBody } from '../servers/ingest-counter';
import type { Variant } from '../variants/variant';
import type { ProbeUnload } from './probe-types';
import { withBrowser } from './with-browser';

const WORKER_TIMEOUT_MS = 20_000;
/** How long the next page may take to send what the large page left (its first batch, the full snapshot). */
const RESENT_WITHIN_MS = 15_000;

/** What leaving the large page while its first batch was still being compressed cost. */
export interface QuickExitRecord {
  /** The large page's unload listeners (ms per event): the widget stashes what is in flight for the next page. */
  unload: ProbeUnload[];
  received: ReceivedBody[];
}

/**
 * Hindsight only: open the chat on the large page and leave for another page the moment the first batch went
 * to the compression worker (the widget starts its one worker for the page's first batch, in the same task that
 * posts the batch to it, so the worker's start is that moment). Whatever is still compressing is handled by
 * pagehide on the main thread (kept for the next page): this is the widget's worst unload.
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
    // Nothing may be lost: the next page sends the large page's first batch (seq 0) from the stash.
    const arrived = () => variant.counter?.received.some((body) => body.batch?.seq === 0 && body.status === 200);
    for (let waited = 0; !arrived() && waited < RESENT_WITHIN_MS; waited += 100) await page.waitForTimeout(100);
    await meter.close('about', false);
    return { unload: meter.documents[0]?.unload ?? [], received: [...(variant.counter?.received ?? [])] };
  });
}
