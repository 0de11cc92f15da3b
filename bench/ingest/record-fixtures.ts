/**
 * Records the ingest benchmark's fixtures: serves the fixture site on 127.0.0.1, visits each page in
 * Chromium with the rrweb recorder injected, cuts the events into widget batches and writes them to
 * bench/fixtures. Run: node --import tsx bench/ingest/record-fixtures.ts
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IngestBatch } from '@hindsight/shared';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../packages/server/test/support/chromium-flags';
import { FIXTURES_DIR } from './fixtures';
import { FIXTURE_PAGES } from './pages/fixture-pages';
import { startSiteServer } from './pages/site-server';
import { cutBatches } from './recording/cut-batches';
import { recordPage } from './recording/record-page';
import { writeFixtures } from './recording/write-fixtures';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VISITOR_ID = 'v_bench_fixture_visitor';

const profileDir = await mkdtemp(path.join(tmpdir(), 'hindsight-record-'));
const site = await startSiteServer(FIXTURE_PAGES);
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: CHROMIUM_PATH,
  headless: true,
  viewport: { width: 1366, height: 768 },
  args: CHROMIUM_ARGS,
});
try {
  const recorded: Array<{ name: string; batches: IngestBatch[] }> = [];
  let referrer: string | undefined;
  for (const fixture of FIXTURE_PAGES) {
    const started = Date.now();
    const { meta, events } = await recordPage(context, site.origin, fixture, referrer);
    const batches = cutBatches(events, meta, VISITOR_ID);
    recorded.push({ name: fixture.name, batches });
    referrer = meta.url;
    console.log(
      `${fixture.name}: ${events.length} events in ${batches.length} batches, ${((Date.now() - started) / 1_000).toFixed(1)} s`,
    );
  }
  const index = await writeFixtures(FIXTURES_DIR, recorded);
  const sum = (field: 'rawBytes' | 'compressedBytes') => index.batches.reduce((total, b) => total + b[field], 0);
  console.log(
    `wrote ${index.batches.length} batches to ${FIXTURES_DIR}: ${(sum('rawBytes') / 1e6).toFixed(2)} MB raw, ${(sum('compressedBytes') / 1e6).toFixed(2)} MB gzip`,
  );
} finally {
  await context.close();
  await site.close();
  await rm(profileDir, { recursive: true, force: true });
}
