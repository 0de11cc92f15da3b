import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../../../server/test/support/chromium-flags';

/** Chromium as TOOLCHAIN.md says to launch it here (a fresh profile, no background traffic). */
export async function launchChromium(viewport = { width: 1280, height: 800 }) {
  const profile = await mkdtemp(path.join(tmpdir(), 'hindsight-replay-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport,
    args: CHROMIUM_ARGS,
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
