import type { Page } from 'playwright-core';
import type { CountingProxy } from '../servers/counting-proxy';
import type { PosthogIngest } from '../servers/posthog-ingest';
import type { SentryIngest } from '../servers/sentry-ingest';
import type { Variant } from './variant';

const START_TIMEOUT_MS = 20_000;

export interface VariantServers {
  siteOrigin: string;
  /** The counting proxy in front of the real Hindsight server, and that server's default application key. */
  hindsight: CountingProxy & { publicKey: string };
  sentry: SentryIngest;
  posthog: PosthogIngest;
}

/** Polls `predicate` in the page every 100 ms until it is truthy; resolves with its value. */
const pollFor = (page: Page, predicate: string) =>
  page
    .waitForFunction(predicate, undefined, { polling: 100, timeout: START_TIMEOUT_MS })
    .then((handle) => handle.jsonValue());
const waitFor = (page: Page, predicate: string) => pollFor(page, predicate).then(() => undefined);

/** In-page expression: the box of the widget's `[data-hs=<hook>]` element, if it is in the page. */
const widgetBox = (hook: string) =>
  `document.querySelector('hindsight-widget')?.shadowRoot?.querySelector('[data-hs=${hook}]')?.getBoundingClientRect()`;

/** The centre of Hindsight's launcher, once the widget shows it (the same 100 ms polling as the other variants). */
const LAUNCHER_CENTRE = `(() => {
  const box = ${widgetBox('launcher')};
  return box && box.width > 0 ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : undefined;
})()`;

/** The chat panel is drawn. */
const PANEL_SHOWN = `(() => {
  const box = ${widgetBox('panel')};
  return box !== undefined && box.width > 0;
})()`;

/** What a browser that sends Global Privacy Control shows scripts (Chromium has no setting for it). */
const GPC_ON =
  "<script>Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true })</script>";

/**
 * Clicks the launcher as a visitor does: a mouse click at its position. (Playwright's locator click would run its
 * selector engine, scrolling and hit-target checks in the page, and charge that work to the widget's first page.)
 */
async function clickLauncher(page: Page): Promise<void> {
  const centre = (await pollFor(page, LAUNCHER_CENTRE)) as { x: number; y: number };
  await page.mouse.click(centre.x, centre.y);
}

/**
 * The variants: no recorder, Hindsight's widget (chat opened; chat opened with recording off; never opened), bare
 * rrweb, Sentry, PostHog.
 */
export function createVariants(servers: VariantServers): Variant[] {
  const { siteOrigin, hindsight, sentry, posthog } = servers;
  // PostHog as a project with replay on and its other features off, so its recorder is what is measured.
  const posthogOptions = {
    api_host: posthog.origin,
    autocapture: false,
    capture_pageview: false,
    capture_pageleave: false,
    capture_dead_clicks: false,
    capture_heatmaps: false,
    capture_performance: false,
    capture_exceptions: false,
    rageclick: false,
    disable_surveys: true,
    disable_product_tours: true,
    disable_conversations: true,
    disable_web_experiments: true,
    // Headless Chromium's user agent says HeadlessChrome: PostHog would drop every $snapshot as a bot's.
    opt_out_useragent_filter: true,
  };
  // Exactly the tag a site owner pastes (widget.js from the Hindsight server's origin).
  const hindsightTag =
    '<script>window.Hindsight = window.Hindsight || function(){(Hindsight.q = Hindsight.q || []).push(arguments)}</script>\n' +
    `<script async src="${hindsight.origin}/widget.js" data-app-key="${hindsight.publicKey}"></script>`;
  return [
    { id: 'baseline', label: 'no recorder', snippet: '', start: async () => {}, scriptPrefixes: [] },
    {
      id: 'hindsight',
      label: 'Hindsight widget',
      snippet: hindsightTag,
      async start(page) {
        const firstBatch = page.waitForRequest((request) => request.url().includes('/ingest/v1/batch'), {
          timeout: START_TIMEOUT_MS,
        });
        await clickLauncher(page);
        await firstBatch;
      },
      scriptPrefixes: [hindsight.origin],
      counter: hindsight.counter,
    },
    {
      // The same visit with recording off by the visitor's Global Privacy Control: the chat opened on the first
      // page and drawn again on every later one, nothing recorded. Hindsight minus this is what recording adds.
      id: 'hindsight-chat',
      label: 'Hindsight widget, chat opened, no recording (GPC)',
      snippet: `${GPC_ON}\n${hindsightTag}`,
      async start(page) {
        await clickLauncher(page);
        await waitFor(page, PANEL_SHOWN);
      },
      scriptPrefixes: [hindsight.origin],
      counter: hindsight.counter,
    },
    {
      // What every visitor who never opens the chat pays: the launcher, no recording.
      id: 'hindsight-idle',
      label: 'Hindsight widget, chat never opened',
      snippet: hindsightTag,
      start: (page) => waitFor(page, LAUNCHER_CENTRE),
      scriptPrefixes: [hindsight.origin],
      counter: hindsight.counter,
    },
    {
      id: 'rrweb',
      label: 'bare @rrweb/record',
      snippet: '<script src="/bench/rrweb-record.js"></script>',
      start: (page) => waitFor(page, 'window.__benchEvents && window.__benchEvents.length > 0'),
      scriptPrefixes: [`${siteOrigin}/bench/rrweb-record.js`],
    },
    {
      id: 'sentry',
      label: '@sentry/browser + replay',
      snippet: `<script src="/bench/sentry.js" data-dsn="${sentry.dsn}"></script>`,
      start: (page) => waitFor(page, 'window.__benchRecording && window.__benchRecording()'),
      scriptPrefixes: [`${siteOrigin}/bench/sentry.js`, 'blob:'],
      counter: sentry.counter,
    },
    {
      id: 'posthog',
      label: 'posthog-js + recorder',
      // PostHog's snippet reduced to its init queue, then array.js from the (fake) asset host.
      snippet:
        `<script>window.posthog=[];window.posthog._i=[[${JSON.stringify(posthog.token)},${JSON.stringify(posthogOptions)},"posthog"]];</script>\n` +
        `<script async src="${posthog.origin}/static/array.js"></script>`,
      start: (page) =>
        waitFor(
          page,
          'window.posthog && window.posthog.sessionRecordingStarted && window.posthog.sessionRecordingStarted()',
        ),
      scriptPrefixes: [posthog.origin],
      counter: posthog.counter,
      isRecordingPath: (path) => path === '/s/',
    },
  ];
}
