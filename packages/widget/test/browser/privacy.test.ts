import { randomBytes } from 'node:crypto';
import { expect, vi } from 'vitest';
import { test } from './support/stack';
import { eventsOf, readChunks, readSessions, recordedInputValues } from './support/stored-data';
import { STORED_WITHIN_MS } from './support/wait';
import { openChat } from './support/widget';

const canary = (name: string) => `CANARY-${name}-${randomBytes(4).toString('hex')}`;

test('what the page marks private never leaves it: not in any request body, not in any stored chunk', async ({
  stack,
}) => {
  const browser = await stack.launchBrowser();
  const { page, problems } = await stack.openPage(browser, 'privacy.html');
  await page.locator('[data-hs=launcher]').waitFor({ state: 'visible' });

  // Typed before the chat starts: these values are in the DOM when the full snapshot is taken.
  const beforeChat = {
    ignored: canary('IGNORED-1'),
    blocked: canary('BLOCKED-1'),
    password: canary('PASSWORD-1'),
    card: canary('CARD-1'),
  };
  for (const [field, value] of Object.entries(beforeChat)) await page.locator(`#${field}`).fill(value);

  await openChat(page);

  // Typed while recording: each keystroke is an rrweb input event (unless the field is private).
  const whileRecording = {
    ignored: canary('IGNORED-2'),
    blocked: canary('BLOCKED-2'),
    password: canary('PASSWORD-2'),
    card: canary('CARD-2'),
  };
  for (const [field, value] of Object.entries(whileRecording)) {
    await page.locator(`#${field}`).fill('');
    await page.locator(`#${field}`).pressSequentially(value);
  }
  // Text put into rr-mask and rr-block elements while recording (mutations).
  const maskedText = canary('MASKED-TEXT');
  const maskedEdit = canary('MASKED-EDIT');
  const blockedText = canary('BLOCKED-TEXT');
  await page.evaluate(
    ({ masked, edit, blocked }) => {
      const mask = document.getElementById('masked') as HTMLElement;
      mask.textContent = `Loyalty id ${masked}`;
      (mask.firstChild as Text).data += ` ${edit}`; // a text edit, not only an added node
      const p = document.createElement('p');
      p.textContent = blocked;
      document.querySelector('.rr-block')?.append(p);
    },
    { masked: maskedText, edit: maskedEdit, blocked: blockedText },
  );
  // Not private: must be in the recording, or this test could pass on a recording that recorded nothing.
  const visible = canary('VISIBLE');
  await page.locator('#name').pressSequentially(visible);

  await vi.waitFor(async () => expect(recordedInputValues(eventsOf(await readChunks(stack.db)))).toContain(visible), {
    timeout: STORED_WITHIN_MS,
    interval: 250,
  });
  // Leave the page: the last batch goes out with a beacon on pagehide.
  await page.close({ runBeforeUnload: true });
  await vi.waitFor(
    async () => {
      expect(stack.proxy.batchTexts().some((text) => text.includes('"pagehide":true'))).toBe(true);
      const chunks = await readChunks(stack.db);
      expect(chunks.some((chunk) => chunk.batch.pagehide)).toBe(true);
    },
    { timeout: STORED_WITHIN_MS, interval: 250 },
  );

  const paths = stack.proxy.received.map((request) => request.path);
  const bodies = stack.proxy.batchTexts();
  const chunks = await readChunks(stack.db);
  const stored = chunks.map((chunk) => chunk.text);
  expect(bodies.length).toBeGreaterThanOrEqual(2);
  expect(stored.length).toBeGreaterThanOrEqual(2);

  const secrets = [
    ...Object.values(beforeChat),
    ...Object.values(whileRecording),
    maskedText,
    maskedEdit,
    blockedText,
    'CANARY-BLOCKED-STATIC-7c1d',
    'CANARY-MASKED-STATIC-3e9a',
  ];
  for (const secret of secrets) {
    expect(
      bodies.filter((body) => body.includes(secret)),
      `${secret} in a request body`,
    ).toEqual([]);
    expect(
      stored.filter((text) => text.includes(secret)),
      `${secret} in a stored chunk`,
    ).toEqual([]);
    expect(paths.filter((path) => path.includes(secret))).toEqual([]);
  }
  expect(bodies.some((body) => body.includes(visible))).toBe(true);
  expect(stored.some((text) => text.includes(visible))).toBe(true);

  // The private fields were recorded, as masks: the visitor's typing shows, its content does not.
  const values = recordedInputValues(eventsOf(chunks));
  expect(values).toContain('*'.repeat(whileRecording.password.length));
  expect(values).toContain('*'.repeat(whileRecording.card.length));
  expect(await readSessions(stack.db)).toHaveLength(1);
  expect(problems.errors).toEqual([]);
});
