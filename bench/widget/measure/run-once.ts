import { type JourneyLog, runJourney } from '../journey/run-journey';
import type { ReceivedBody } from '../servers/ingest-counter';
import type { Variant } from '../variants/variant';
import type { DocumentMeasure } from './document-meter';
import { withBrowser } from './with-browser';

export interface RunOptions {
  variant: Variant;
  repeat: number;
  chromiumPath: string;
  siteOrigin: string;
  probeScript: string;
}

/** Everything one run measured; figures are derived from it in report/. */
export interface RunRecord {
  variant: Variant['id'];
  repeat: number;
  startedAt: string;
  /** From the first navigation to the journey's end. */
  elapsedMs: number;
  /** Until recording ran (Hindsight: launcher clicked, first batch sent). */
  startMs: number;
  documents: DocumentMeasure[];
  heapBytes: number;
  /** Web workers the pages started (the widget starts one per page, on its first batch). */
  workersStarted: number;
  received: ReceivedBody[];
  unexpectedRequests: string[];
  journey: JourneyLog;
}

/** One variant, one fresh browser profile, the whole journey. */
export function runOnce(options: RunOptions): Promise<RunRecord> {
  const { variant } = options;
  return withBrowser(options.chromiumPath, options.probeScript, async ({ page, meter, workersStarted }) => {
    variant.counter?.reset();
    const base = `${options.siteOrigin}/v/${variant.id}`;
    const startedAt = new Date();
    await page.goto(`${base}/demo/index.html`, { waitUntil: 'load' });
    await variant.start(page);
    const startMs = Date.now() - startedAt.getTime();
    const journey = await runJourney(page, meter, {
      demo: (file) => `${base}/demo/${file}`,
      large: `${base}/large.html`,
    });
    const elapsedMs = Date.now() - startedAt.getTime();
    const heapBytes = await meter.heapAfterGc();
    return {
      variant: variant.id,
      repeat: options.repeat,
      startedAt: startedAt.toISOString(),
      elapsedMs,
      startMs,
      documents: meter.documents,
      heapBytes,
      workersStarted: workersStarted(),
      received: [...(variant.counter?.received ?? [])],
      unexpectedRequests: [...(variant.counter?.unexpected ?? [])],
      journey,
    };
  });
}
