import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CompletionServer, sendChat, startCompletionServer } from './support/chat';
import { recordSession } from './support/record-session';
import { type Stack, startStack } from './support/stack';

let stack: Stack;
let model: CompletionServer | undefined;

beforeAll(async () => {
  stack = await startStack();
}, 180_000);

afterAll(async () => {
  await model?.close();
  await stack?.stop();
});

/** A recorded session to chat in (the chat belongs to the recording, as on a real site). */
async function newSession(name: string): Promise<string> {
  const sessionId = `chat_settings_${name}_${Date.now()}`;
  await recordSession({ ...stack.server, sessionId, page: 'docs', batches: 1 });
  return sessionId;
}

const chat = (sessionId: string, text: string) => sendChat({ ...stack.server, sessionId, text });

async function openChatSettings(): Promise<Page> {
  const { page } = await stack.signedInPage();
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('region', { name: 'Chat' }).waitFor();
  // The default application starts with the default knowledge entries.
  await page.getByRole('list', { name: 'Knowledge entries' }).waitFor();
  return page;
}

describe('Settings → Chat', () => {
  it('answers a chat from knowledge entries added and edited in Settings; deleted ones are gone', async () => {
    const page = await openChatSettings();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    const question = 'Do you ship kayaks to Iceland?';
    const before = await chat(await newSession('before'), question);
    // Nothing in the default entries knows this token: the reply is the fallback.
    expect(before.reply).not.toContain('fjord-freight-7731');

    const form = page.getByRole('form', { name: 'New knowledge entry' });
    await form.getByLabel('Question').fill(question);
    await form.getByLabel('Answer').fill('Yes, kayaks ship to Iceland by sea.');
    await form.getByLabel('Link (optional)').fill('https://shop.example/help/iceland');
    await form.getByRole('button', { name: 'Add entry' }).click();
    const entries = page.getByRole('list', { name: 'Knowledge entries' });
    await entries.getByText('Yes, kayaks ship to Iceland by sea.').waitFor();
    expect(await form.getByLabel('Question').inputValue()).toBe('');

    // Edit it: the reply must come from the edited answer.
    await entries.getByRole('button', { name: `Edit “${question}”` }).click();
    const edit = page.getByRole('form', { name: `Edit “${question}”` });
    await edit.getByLabel('Answer').fill('Yes: kayaks ship to Iceland by sea freight (fjord-freight-7731).');
    await edit.getByRole('button', { name: 'Save entry' }).click();
    await entries.getByText('Yes: kayaks ship to Iceland by sea freight (fjord-freight-7731).').waitFor();

    const after = await chat(await newSession('after'), question);
    expect(after.events.at(-1)?.event).toBe('reply');
    expect(after.reply).toContain('fjord-freight-7731');

    // Add, then delete (cancel first): gone from the list and from the server after a reload.
    await form.getByLabel('Question').fill('Temporary entry to delete');
    await form.getByLabel('Answer').fill('Soon gone.');
    await form.getByRole('button', { name: 'Add entry' }).click();
    await entries.getByText('Soon gone.').waitFor();
    await entries.getByRole('button', { name: 'Delete “Temporary entry to delete”' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(await entries.getByText('Soon gone.').count()).toBe(1);
    await entries.getByRole('button', { name: 'Delete “Temporary entry to delete”' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => entries.getByText('Soon gone.').count()).toBe(0);
    await page.reload();
    await page.getByRole('list', { name: 'Knowledge entries' }).getByText(question).waitFor();
    expect(await page.getByText('Soon gone.').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the server’s message when the responder settings cannot work, and keeps the old ones', async () => {
    const page = await openChatSettings();
    const responder = page.getByRole('form', { name: 'Responder' });
    await responder.getByRole('radio', { name: 'OpenAI-compatible model' }).check();
    await responder.getByLabel('Base URL').fill('');
    await responder.getByLabel('Model', { exact: true }).fill('');
    await responder.getByRole('button', { name: 'Save responder' }).click();
    const alert = responder.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('openai.baseUrl');

    await responder.getByRole('radio', { name: 'Webhook' }).check();
    await responder.getByRole('button', { name: 'Save responder' }).click();
    await expect.poll(() => alert.textContent()).toContain('webhook.secret');
    // The receiver's recipe is on screen.
    expect(await responder.locator('.webhook-recipe').textContent()).toContain(
      'X-Hindsight-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>',
    );
    await page.reload();
    const kind = page.getByRole('form', { name: 'Responder' }).getByRole('radio', { name: 'Knowledge base' });
    await kind.waitFor();
    expect(await kind.isChecked()).toBe(true);
    await page.close();
  });

  it('shows the empty knowledge base of a new application, with the default responder', async () => {
    const page = await openChatSettings();
    const form = page.getByRole('form', { name: 'New application' });
    await form.getByLabel('Name').fill('Chat-less shop');
    await form.getByRole('button', { name: 'Create application' }).click();
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Application' }).locator('option:checked').textContent())
      .toBe('Chat-less shop');
    const chatSection = page.getByRole('region', { name: 'Chat' });
    await chatSection.getByText('No entries yet.').waitFor();
    expect(await chatSection.getByRole('radio', { name: 'Knowledge base' }).isChecked()).toBe(true);
    await page.getByRole('combobox', { name: 'Application' }).selectOption({ label: 'Default' });
    await page.getByRole('list', { name: 'Knowledge entries' }).waitFor();
    expect(await chatSection.getByText('No entries yet.').count()).toBe(0);
    await page.close();
  });

  it('switches to an OpenAI-compatible endpoint without code changes; the API key never comes back', async () => {
    const apiKey = 'sk-browser-test-9f3c2e71d4';
    model = await startCompletionServer(['Kayaks ', 'ship ', 'from ', 'our ', 'local ', 'model.']);
    const page = await openChatSettings();
    const seen: string[] = [];
    const reading: Promise<void>[] = [];
    page.on('response', (response) => {
      reading.push(
        response.text().then(
          (text) => void seen.push(`${response.url()}\n${text}`),
          () => undefined,
        ),
      );
    });
    const responder = page.getByRole('form', { name: 'Responder' });
    await responder.getByRole('radio', { name: 'OpenAI-compatible model' }).check();
    await responder.getByLabel('Base URL').fill(`${model.url}/v1`);
    await responder.getByLabel('Model', { exact: true }).fill('local-model');
    await responder.getByLabel('Temperature').fill('0.2');
    await responder.getByLabel('API key').fill(apiKey);
    await responder.getByRole('button', { name: 'Save responder' }).click();
    await responder.getByText('Saved.').waitFor();
    // Write-only: the input is gone, "Set" with replace / clear instead.
    await responder.getByText('Set', { exact: true }).waitFor();
    expect(await responder.getByRole('button', { name: 'Replace' }).count()).toBe(1);
    expect(await responder.locator('#openai-api-key').count()).toBe(0);

    const answered = await chat(await newSession('openai'), 'Where do kayaks ship from?');
    expect(answered.reply).toBe('Kayaks ship from our local model.');
    expect(answered.events.at(-1)?.event).toBe('reply');
    const call = model.requests.find((request) => request.path === '/v1/chat/completions');
    expect(call?.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(JSON.parse(call?.body ?? '{}')).toMatchObject({ model: 'local-model', stream: true, temperature: 0.2 });

    // After saving, the key is in no page and no API answer.
    await page.reload();
    await page.getByRole('form', { name: 'Responder' }).getByText('Set', { exact: true }).waitFor();
    const settings = await page.request.get(`${stack.server.origin}/api/apps/${appIdOf(page)}/responder`);
    const settingsText = await settings.text();
    expect(JSON.parse(settingsText).openai).toMatchObject({ apiKeySet: true, baseUrl: `${model.url}/v1` });
    expect(settingsText).not.toContain(apiKey);
    await Promise.all(reading);
    expect(seen.some((text) => text.includes('/responder'))).toBe(true);
    // The PUT carried it once; every answer after (and the page itself) must not.
    expect(seen.filter((text) => text.includes(apiKey))).toEqual([]);
    expect(await page.content()).not.toContain(apiKey);
    const values = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].map((i) => i.value),
    );
    expect(values.join('\n')).not.toContain(apiKey);
    await page.close();
  });
});

function appIdOf(page: Page): string {
  const id = new URL(page.url()).pathname.split('/')[2];
  if (!id) throw new Error(`no application in ${page.url()}`);
  return decodeURIComponent(id);
}
