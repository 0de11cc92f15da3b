import type { Page } from 'playwright-core';
import type { IngestCounter } from '../servers/ingest-counter';

export const VARIANT_IDS = [
  'baseline',
  'hindsight',
  'hindsight-chat',
  'hindsight-idle',
  'rrweb',
  'sentry',
  'posthog',
] as const;
export type VariantId = (typeof VARIANT_IDS)[number];

/** One way of recording the page (or not), measured with the same journey on the same pages. */
export interface Variant {
  id: VariantId;
  label: string;
  /** HTML put before `</body>` of every page. */
  snippet: string;
  /** Starts recording on the first page and resolves once it runs (Hindsight: the visitor opens the chat). */
  start(page: Page): Promise<void>;
  /** URL prefixes of this variant's scripts, to attribute long tasks. */
  scriptPrefixes: string[];
  /** Its ingest endpoint's counter; none for variants that send nothing. */
  counter?: IngestCounter;
  /** Which received paths carry recording data (PostHog's event uploads do not). */
  isRecordingPath?: (path: string) => boolean;
}
