import type { Page } from 'playwright-core';

/** One fixture site page: its HTML, and the scripted visit recorded on it. */
export interface FixturePage {
  /** Short name, used in fixture file names (`products-00.json.gz`). */
  name: string;
  /** Path served by the site server. */
  path: string;
  render(): string;
  /** Scripted interaction (~20-30 s): scrolling, typing, clicks, hover. */
  visit(page: Page): Promise<void>;
}
