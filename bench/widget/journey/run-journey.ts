import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import type { DocumentMeter } from '../measure/document-meter';
import { createSchedule } from './schedule';

/** Length of one run's journey, from the moment recording runs. */
export const JOURNEY_MS = 30_000;
// Generous: while a recorder serializes 1,000 moved rows the page cannot answer Playwright's actionability checks.
const ACTION_TIMEOUT_MS = 10_000;

export interface JourneyUrls {
  demo: (file: string) => string;
  large: string;
}

export interface JourneyLog {
  maxLateMs: number;
  /** Steps that failed (a click that found nothing, ...): the run continues, the report shows them. */
  stepErrors: string[];
}

/**
 * The scripted visit, 30 s from the moment recording runs: the demo site's four pages (scrolling, typing into
 * the catalog filter and every sign-up field, clicks, opening the FAQ), then the large page (search, sorting
 * 1,000 rows, row clicks, scrolling, a details panel) while both pages churn on their own timers. Each
 * document's figures are read just before the journey leaves it.
 */
export async function runJourney(page: Page, meter: DocumentMeter, urls: JourneyUrls): Promise<JourneyLog> {
  const schedule = createSchedule();
  const stepErrors: string[] = [];
  const step = async (name: string, action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (error) {
      stepErrors.push(`${name}: ${String(error).split('\n')[0]}`);
    }
  };
  const click = (selector: string) =>
    step(`click ${selector}`, () => page.click(selector, { timeout: ACTION_TIMEOUT_MS }));
  const type = (selector: string, text: string, delay: number) =>
    step(`type ${selector}`, async () => {
      await page.click(selector, { timeout: ACTION_TIMEOUT_MS });
      await page.keyboard.type(text, { delay });
    });
  const clear = () =>
    step('clear', () => page.keyboard.press('Control+a').then(() => page.keyboard.press('Backspace')));
  const scroll = async (times: number, deltaY: number, gapMs: number) => {
    for (let i = 0; i < times; i++) {
      await step('scroll', () => page.mouse.wheel(0, deltaY));
      await sleep(gapMs);
    }
  };
  const leave = async (label: string, go: () => Promise<unknown>) => {
    await meter.close(label, true);
    await step(`leave ${label}`, go);
  };
  const follow = (selector: string, file: string) => () =>
    Promise.all([page.waitForURL(`**/${file}`, { waitUntil: 'load' }), page.click(selector)]);

  // index.html
  await step('move', () => page.mouse.move(640, 320, { steps: 12 }));
  await scroll(3, 400, 300);
  await scroll(1, -1_200, 200);
  await schedule.at(3_000);
  await leave('index', follow('.hero a.button[href="catalog.html"]', 'catalog.html'));

  // catalog.html: the filter hides and shows rows as it is typed, "Load 50 more" adds rows.
  await type('#filter', 'tent', 120);
  await sleep(300);
  await clear();
  await type('#filter', 'blue', 120);
  await sleep(300);
  await clear();
  await click('#load-more');
  await sleep(300);
  await click('#load-more');
  await scroll(4, 500, 200);
  await schedule.at(9_500);
  await leave('catalog', follow('.site-nav a[href="signup.html"]', 'signup.html'));

  // signup.html: every kind of field, private ones included.
  await type('#name', 'Ada Lovelace', 60);
  await type('#email', 'ada@example.com', 60);
  await type('#coupon', 'SPRING25', 60);
  await type('#notes', 'Call after 5pm', 60);
  await type('#password', 'hunter2!', 60);
  await type('#card-number', '4242 4242 4242 4242', 60);
  await click('#signup-submit');
  await schedule.at(16_000);
  await leave('signup', follow('.site-nav a[href="about.html"]', 'about.html'));

  // about.html: the FAQ's <details>.
  for (const n of [1, 2, 3, 1]) {
    await click(`details:nth-of-type(${n}) > summary`);
    await sleep(300);
  }
  await scroll(2, 400, 250);
  await schedule.at(19_000);
  await leave('about', () => page.goto(urls.large, { waitUntil: 'load' }));

  // large.html: 12,000 elements, live updates every 500 ms, rows replaced every 3 s.
  await step('move', () => page.mouse.move(700, 400, { steps: 12 }));
  await type('#grid-search', 'alpine', 150);
  await sleep(500);
  await clear();
  await click('th[data-sort="4"]');
  await scroll(5, 800, 250);
  for (const row of [3, 8, 12]) await click(`#grid tr:nth-child(${row}) td:nth-child(3)`);
  await click('#details-toggle');
  await sleep(1_000);
  await click('#details-toggle');
  await click('th[data-sort="2"]');
  await scroll(3, -1_000, 250);
  await schedule.at(JOURNEY_MS);
  await meter.close('large', false);
  return { maxLateMs: schedule.maxLateMs, stepErrors };
}
