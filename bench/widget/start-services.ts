import type { BrowserBundle, BundleName } from './build-browser-bundles';
import { loadDemoSite } from './pages/demo-site';
import { largePageHtml } from './pages/large-page';
import { startCountingProxy } from './servers/counting-proxy';
import { startHindsightServer } from './servers/hindsight-server';
import { startPosthogIngest } from './servers/posthog-ingest';
import { startSentryIngest } from './servers/sentry-ingest';
import { startSiteServer } from './servers/site-server';
import { createVariants } from './variants/create-variants';
import type { Variant } from './variants/variant';

export interface Services {
  siteOrigin: string;
  variants: Variant[];
  /** Stops every server and removes their files; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts everything the runs talk to, all on 127.0.0.1: the real Hindsight server (fresh embedded PostgreSQL)
 * behind a counting proxy, the fake Sentry and PostHog endpoints, and the site serving each variant's pages.
 */
export async function startServices(bundles: Map<BundleName, BrowserBundle>): Promise<Services> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const close of stops.splice(0).reverse()) await close().catch(() => undefined);
  };
  try {
    const demo = await loadDemoSite();
    const hindsight = await startHindsightServer();
    stops.push(hindsight.stop);
    const proxy = await startCountingProxy(hindsight.origin);
    stops.push(proxy.close);
    const sentry = await startSentryIngest();
    stops.push(sentry.close);
    const posthog = await startPosthogIngest();
    stops.push(posthog.close);
    const snippets = new Map<string, string>();
    const site = await startSiteServer({ bundles, demo, largePage: largePageHtml(), snippets });
    stops.push(site.close);
    const variants = createVariants({
      siteOrigin: site.origin,
      hindsight: { ...proxy, publicKey: hindsight.publicKey },
      sentry,
      posthog,
    });
    for (const variant of variants) snippets.set(variant.id, variant.snippet);
    return { siteOrigin: site.origin, variants, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
