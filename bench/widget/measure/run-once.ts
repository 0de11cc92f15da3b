import { type JourneyLog, runJourney } from '../journey/run-journey';
import type { ReceivedBody } from '../servers/ingest-counter';
import type { Variant } from '../variants/variant';
import { type ScriptTimes, startCpuProfile } from './cpu-profile';
import type { DocumentMeasure } from './document-meter';
import { withBrowser } from './with-browser';

export interface RunOptions {
  variant: Variant;
  repeat: number;
  chromiumPath: string;
  siteOrigin: string;
  probeScript: string;
  /** Also run V8's CPU profiler over the journey (it costs the page time: figures are then not comparable). */
  profile?: boolean;
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
  /** With `profile`: where the main thread's time went, by script. */
  cpu?: ScriptTimes;
}

/** One variant, one fresh browser profile, the whole journey. */
export function runOnce(options: RunOptions): Promise<RunRecord> {
  const { variant } = options;
  return withBrowser(options.chromiumPath, options.probeScript, async ({ page, meter, cdp, workersStarted }) => {
    variant.counter?.reset();
    const profiler = options.profile ? await startCpuProfile(cdp) : undefined;
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
    const cpu = await profiler?.stop();
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
      ...(cpu ? { cpu } : {}),
    };
  });
}
