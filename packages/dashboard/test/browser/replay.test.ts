import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endRecording, ingestRecording } from './replay-support/ingest-recording';
import {
  at,
  conversationRecording,
  HOSTILE,
  hostileRecording,
  noSnapshotRecording,
  type Recording,
} from './replay-support/recordings';
import { type Stack, startStack } from './support/stack';

/**
 * The replay viewer in Chromium against the real server: recordings are sent through the real ingest endpoint,
 * the signed-in owner opens `/sessions/:id`, and the viewer streams the chunks from `/api/sessions/:id/chunks`.
 */
let stack: Stack;
let conversation: Recording;
let hostile: Recording;
let noSnapshot: Recording;
/** Milliseconds of tolerance between where we asked the replayer to go and where it says it is. */
const TOLERANCE_MS = 400;

beforeAll(async () => {
  stack = await startStack();
  const { origin, appKey } = stack.server;
  conversation = conversationRecording();
  hostile = hostileRecording();
  noSnapshot = noSnapshotRecording();
  for (const recording of [conversation, hostile, noSnapshot]) {
    await ingestRecording(origin, appKey, recording);
    await endRecording(origin, appKey, recording.id);
  }
});

afterAll(async () => {
  await stack?.stop();
});

async function openReplay(id: string, hash = '') {
  const opened = await stack.signedInPage();
  await opened.page.goto(`${stack.server.origin}/sessions/${id}${hash}`);
  return opened;
}

const viewer = (page: Page) => page.getByTestId('replay-viewer');
const currentMs = async (page: Page) => Number(await viewer(page).getAttribute('data-current-ms'));

/** Waits until the replayer's clock is within tolerance of `ms` (fails with the distance otherwise). */
async function expectTime(page: Page, ms: number) {
  await expect
    .poll(async () => Math.abs((await currentMs(page)) - ms), { timeout: 10_000 })
    .toBeLessThanOrEqual(TOLERANCE_MS);
}

/** The player's iframe, once it holds the recorded document. */
async function replayFrame(page: Page) {
  const frameElement = page.locator('[data-testid="replay-stage"] iframe').first();
  await frameElement.waitFor({ state: 'attached' });
  const frame = (await frameElement.elementHandle())!.contentFrame();
  return { frameElement, frame: (await frame)! };
}

describe('replay viewer', () => {
  it('shows the recorded page in a sandboxed iframe without scripts, and the screenshot is not blank', async () => {
    const { page, problems } = await openReplay(conversation.id);
    const { frameElement, frame } = await replayFrame(page);
    await expect
      .poll(() => frame.evaluate(() => document.body?.textContent ?? ''), { timeout: 15_000 })
      .toContain('Living room & home');
    const sandbox = await frameElement.getAttribute('sandbox');
    expect(sandbox).not.toBeNull();
    expect(sandbox).not.toContain('allow-scripts');
    // Not uniform: count the distinct colours of the stage's screenshot in a canvas.
    const png = await page.getByTestId('replay-stage').screenshot();
    const colours = await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < pixels.length; i += 16) seen.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
      return seen.size;
    }, png.toString('base64'));
    expect(colours).toBeGreaterThan(20);
    expect(problems.errors).toEqual([]);
  });

  it('lists the conversation and the pages; a message and a timeline marker jump to their moment', async () => {
    const { page } = await openReplay(conversation.id);
    // The conversation is mounted once, in the viewer's side panel: wait for the loaded viewer, then read it there.
    await viewer(page).and(page.locator('[data-status="complete"]')).waitFor();
    const messages = page.locator('.hs-side section.conversation .message');
    await expect
      .poll(() => messages.allInnerTexts(), { timeout: 15_000 })
      .toEqual(conversation.messages.map((m) => expect.stringContaining(m.text) as unknown as string));
    await expect.poll(() => page.getByTestId('replay-pages').locator('li').count(), { timeout: 15_000 }).toBe(2);

    await messages.nth(1).getByRole('button').click();
    await expectTime(page, conversation.messages[1]!.timestamp - at(conversation.batches, 0));

    // The second page's navigation marker on the timeline.
    const docsStart = conversation.batches.find((b) => b.page?.url.includes('/docs'))!.events[0]!.timestamp;
    const marker = page.locator('.hs-marker--navigation').nth(1);
    await marker.click();
    await expectTime(page, docsStart - at(conversation.batches, 0));
  });

  it('changes speed: at 4x the clock runs about four times as fast', async () => {
    const { page } = await openReplay(conversation.id);
    await viewer(page).and(page.locator('[data-status="complete"]')).waitFor();
    await page.getByRole('button', { name: '4x' }).click();
    expect(await viewer(page).getAttribute('data-speed')).toBe('4');
    await page.getByRole('button', { name: 'Play' }).click();
    const start = await currentMs(page);
    const wallStart = Date.now();
    await page.waitForTimeout(1_500);
    const advanced = (await currentMs(page)) - start;
    const wall = Date.now() - wallStart;
    // At 1x it would be ~wall; allow for the clock's 100 ms steps and a slow machine.
    expect(advanced).toBeGreaterThan(wall * 2.5);
  });

  it('opens a deep link at #t= and follows hash changes', async () => {
    const { page } = await openReplay(conversation.id, '#t=20.5');
    await expectTime(page, 20_500);
    await page.evaluate(() => {
      location.hash = '#t=6';
    });
    await expectTime(page, 6_000);
  });

  it('keyboard: End, Home, arrows and the help overlay', async () => {
    const { page } = await openReplay(conversation.id);
    // Loaded to the end first: while chunks still arrive, End seeks to the end of what has arrived so far.
    await viewer(page).and(page.locator('[data-status="complete"]')).waitFor();
    await page.locator('body').press('End');
    const total = Number(await viewer(page).getAttribute('data-total-ms'));
    await expectTime(page, total);
    await page.locator('body').press('Home');
    await expectTime(page, 0);
    await page.locator('body').press('ArrowRight');
    await expectTime(page, 5_000);
    await page.locator('body').press('?');
    await expect.poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible()).toBe(true);
  });

  it('steps to the next and previous event group with Shift+arrows and the buttons', async () => {
    const { page } = await openReplay(conversation.id);
    await viewer(page).and(page.locator('[data-status="complete"]')).waitFor();
    await page.locator('body').press('Home');
    await expectTime(page, 0);
    const settled = async () => {
      let last = -1;
      await expect
        .poll(
          async () => {
            const now = await currentMs(page);
            const same = now === last;
            last = now;
            return same;
          },
          { interval: 300 },
        )
        .toBe(true);
      return last;
    };
    await page.locator('body').press('Shift+ArrowRight');
    await expect.poll(() => currentMs(page)).toBeGreaterThan(TOLERANCE_MS);
    const first = await settled();
    await page.getByTitle('Next event').click();
    await expect.poll(() => currentMs(page)).toBeGreaterThan(first + TOLERANCE_MS);
    const second = await settled();
    await page.locator('body').press('Shift+ArrowLeft');
    await expectTime(page, first);
    await page.getByTitle('Next event').click();
    await expectTime(page, second);
    await page.getByTitle('Previous event').click();
    await expectTime(page, first);
  });

  it('goes full screen with the button and with F, and comes back', async () => {
    const { page, problems } = await openReplay(conversation.id);
    await viewer(page).and(page.locator('[data-status="complete"]')).waitFor();
    const inFullscreen = () => page.evaluate(() => document.fullscreenElement?.getAttribute('data-testid') ?? null);
    const fillsWindow = async () => {
      const box = await viewer(page).boundingBox();
      const size = page.viewportSize();
      return (
        box !== null &&
        size !== null &&
        box.x === 0 &&
        box.y === 0 &&
        box.width === size.width &&
        box.height === size.height
      );
    };
    expect(await fillsWindow()).toBe(false);

    await page.getByRole('button', { name: 'Full screen' }).click();
    await expect.poll(inFullscreen).toBe('replay-viewer');
    await expect.poll(fillsWindow).toBe(true);
    const exit = page.getByRole('button', { name: 'Exit full screen' });
    expect(await exit.getAttribute('aria-pressed')).toBe('true');
    await exit.click();
    await expect.poll(inFullscreen).toBeNull();
    await expect.poll(fillsWindow).toBe(false);

    await page.locator('body').press('f');
    await expect.poll(inFullscreen).toBe('replay-viewer');
    await page.locator('body').press('f');
    await expect.poll(inFullscreen).toBeNull();
    // The button follows the browser's fullscreenchange event, one render after fullscreenElement is cleared.
    const button = page.getByRole('button', { name: 'Full screen', exact: true });
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('false');
    expect(problems.errors).toEqual([]);
  });

  it('renders hostile URLs, titles and messages as text, and nothing they carry runs', async () => {
    const { page } = await openReplay(hostile.id);
    const { frame } = await replayFrame(page);
    await expect.poll(() => page.locator('section.conversation .message').count(), { timeout: 15_000 }).toBe(3);
    await expect.poll(() => page.getByTestId('replay-pages').textContent(), { timeout: 15_000 }).toContain(HOSTILE.url);
    const side = page.locator('.hs-side');
    const text = (await side.textContent()) ?? '';
    expect(text).toContain(HOSTILE.script);
    expect(text).toContain(HOSTILE.img);
    expect(text).toContain(HOSTILE.title);
    // Text, not markup: no element the payloads describe exists outside the replay iframe.
    expect(await page.locator('.hs-side script, .hs-side img').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"], [href*="javascript:"]').count()).toBe(0);
    // Click everything that shows a recorded string; nothing may set the flag, here or in the replay.
    for (const button of await page.getByTestId('replay-pages').getByRole('button').all()) await button.click();
    for (const button of await page.locator('section.conversation .message button').all()) await button.click();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as { __hindsightPwned?: unknown }).__hindsightPwned)).toBeUndefined();
    expect(await frame.evaluate(() => (window as { __hindsightPwned?: unknown }).__hindsightPwned)).toBeUndefined();
    expect(page.url()).toMatch(/^http:/);
  });

  it('says "No replay available" with the metadata for a session without a full snapshot', async () => {
    const { page } = await openReplay(noSnapshot.id);
    const empty = page.getByTestId('no-replay');
    await empty.waitFor({ timeout: 15_000 });
    expect(await empty.textContent()).toContain('No replay available');
    expect(await empty.textContent()).toContain('Landing URL');
    expect(await page.locator('[data-testid="replay-stage"] iframe').count()).toBe(0);
  });

  it('at 390 px the side panel sits below the player', async () => {
    const { page } = await openReplay(conversation.id);
    await page.setViewportSize({ width: 390, height: 844 });
    await viewer(page).and(page.locator('[data-status="complete"]')).waitFor();
    const stage = (await page.getByTestId('replay-stage').boundingBox())!;
    const side = (await page.locator('.hs-side').boundingBox())!;
    expect(side.y).toBeGreaterThanOrEqual(stage.y + stage.height);
    expect(stage.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('follows an active session live: chunks stored after opening it arrive and play', async () => {
    const { origin, appKey } = stack.server;
    const live = conversationRecording('sess_live_recording_00001');
    // The first four batches only: the session is still active.
    await ingestRecording(origin, appKey, { ...live, batches: live.batches.slice(0, 4) });
    const { page } = await openReplay(live.id);
    await page.locator('[data-testid="replay-viewer"][data-status="complete"]').waitFor({ timeout: 15_000 });
    const before = Number(await viewer(page).getAttribute('data-total-ms'));
    await page.getByLabel('Live').check();
    await ingestRecording(origin, appKey, live, 4);
    await expect
      .poll(async () => Number(await viewer(page).getAttribute('data-total-ms')), { timeout: 15_000 })
      .toBeGreaterThan(before + 10_000);
    // Playing from the old edge into what just arrived.
    await expect.poll(() => currentMs(page), { timeout: 15_000 }).toBeGreaterThan(before + 1_000);
    expect(await viewer(page).getAttribute('data-playing')).toBe('true');
  });

  it('the downloaded HTML file plays offline, with the conversation', async () => {
    const { page } = await stack.signedInPage();
    const response = await page.request.get(
      `${stack.server.origin}/api/sessions/${conversation.id}/download?format=html`,
    );
    expect(response.status()).toBe(200);
    const dir = await mkdtemp(path.join(tmpdir(), 'hindsight-offline-'));
    try {
      const file = path.join(dir, 'recording.html');
      await writeFile(file, await response.body());
      const offline = await stack.newPage();
      await offline.page.goto(`file://${file}#t=9.6`);
      await offline.page.getByTestId('replay-viewer').waitFor({ timeout: 15_000 });
      const { frame } = await replayFrame(offline.page);
      await expect
        .poll(() => frame.evaluate(() => document.body?.textContent ?? ''), { timeout: 15_000 })
        .toContain('Living room & home');
      await expect.poll(() => offline.page.getByTestId('replay-messages').locator('li').count()).toBe(3);
      await expectTime(offline.page, 9_600);
      expect(offline.problems.errors).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
