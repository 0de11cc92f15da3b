import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatHistory, sendChat } from './support/chat';
import { recordSession } from './support/record-session';
import { type Stack, startStack } from './support/stack';

let stack: Stack;
let unansweredSession: string;
let answeredSession: string;
const UNANSWERED = 'Can I pay with <b>seashells</b>?';
const ANSWERED = 'How long does delivery take?';

beforeAll(async () => {
  stack = await startStack();
  const stamp = Date.now();
  unansweredSession = `chat_conv_unanswered_${stamp}`;
  answeredSession = `chat_conv_answered_${stamp}`;
  await recordSession({ ...stack.server, sessionId: unansweredSession, page: 'docs', batches: 1 });
  await recordSession({ ...stack.server, sessionId: answeredSession, page: 'products', batches: 1 });
  // The default knowledge answers delivery questions; nothing knows about seashells (the fallback, flagged).
  const answered = await sendChat({ ...stack.server, sessionId: answeredSession, text: ANSWERED });
  expect(answered.reply).not.toBe('');
  await sendChat({ ...stack.server, sessionId: unansweredSession, text: UNANSWERED });
}, 180_000);

afterAll(() => stack?.stop());

describe('unanswered prompts and operator replies', () => {
  it('marks unanswered prompts in Activity, filters to them, and adds a knowledge entry from one', async () => {
    const { page, problems } = await stack.signedInPage();
    await page.getByRole('link', { name: 'Activity' }).click();
    const feed = page.locator('.feed');
    const unanswered = feed.locator('.feed-prompt', { hasText: 'seashells' });
    const answered = feed.locator('.feed-prompt', { hasText: ANSWERED });
    await unanswered.waitFor();
    await answered.waitFor();
    // Text, not HTML: the tags show as typed.
    expect(await unanswered.locator('.feed-text').textContent()).toBe(UNANSWERED);
    expect(await unanswered.locator('.badge-unanswered').textContent()).toBe('Unanswered');
    expect(await answered.locator('.badge-unanswered').count()).toBe(0);
    expect(await unanswered.getByRole('link', { name: /Watch from/ }).getAttribute('href')).toMatch(
      new RegExp(`^/sessions/${unansweredSession}#t=\\d`),
    );

    await page.getByLabel('Only unanswered prompts').check();
    await page.waitForURL(/[?&]unanswered=1/);
    await expect.poll(() => answered.count()).toBe(0);
    expect(await unanswered.count()).toBe(1);
    expect(await feed.locator('.feed-session').count()).toBe(0);
    // The filter survives a reload (it lives in the URL).
    await page.reload();
    await unanswered.waitFor();
    expect(await page.getByLabel('Only unanswered prompts').isChecked()).toBe(true);
    expect(await answered.count()).toBe(0);

    await unanswered.getByRole('link', { name: 'Add a knowledge entry' }).click();
    await page.waitForURL(/\/settings\?question=/);
    const form = page.getByRole('form', { name: 'New knowledge entry' });
    await expect.poll(() => form.getByLabel('Question').inputValue()).toBe(UNANSWERED);
    await form.getByLabel('Answer').fill('Seashells are not accepted; cards and bank transfers are.');
    await form.getByRole('button', { name: 'Add entry' }).click();
    await page.getByRole('list', { name: 'Knowledge entries' }).getByText('Seashells are not accepted').waitFor();
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('shows the conversation beside the replay and sends an operator reply the visitor receives', async () => {
    const { page, problems } = await stack.signedInPage();
    await page.goto(`${stack.server.origin}/sessions/${answeredSession}`);
    const panel = page.locator('section.conversation');
    const messages = panel.locator('.message');
    await expect.poll(() => messages.count(), { timeout: 15_000 }).toBe(2);
    expect(await messages.nth(0).locator('.message-role').textContent()).toBe('Visitor');
    expect(await messages.nth(0).locator('.message-text').textContent()).toBe(ANSWERED);
    expect(await messages.nth(1).locator('.message-role').textContent()).toBe('Assistant');

    // A message placed in the recording seeks the replay there (the viewer's clock moves off 0).
    await page.locator('[data-total-ms]:not([data-total-ms="0"])').waitFor();
    await messages.nth(0).getByRole('button').click();
    await expect
      .poll(async () => Number(await page.locator('[data-current-ms]').first().getAttribute('data-current-ms')))
      .toBeGreaterThan(0);

    // A new visitor message arrives while the panel is open (refresh every 3 s).
    await sendChat({ ...stack.server, sessionId: answeredSession, text: 'Is anyone there? <script>x()</script>' });
    await expect.poll(() => messages.count(), { timeout: 15_000 }).toBe(4);
    expect(await messages.nth(2).locator('.message-text').textContent()).toBe('Is anyone there? <script>x()</script>');

    const box = panel.getByLabel('Reply as an operator');
    await box.fill('Hello from the team.');
    await box.press('Shift+Enter');
    await box.pressSequentially('We ship on Mondays.');
    await box.press('Enter');
    const reply = 'Hello from the team.\nWe ship on Mondays.';
    await expect.poll(() => panel.locator('.message-operator .message-text').textContent()).toBe(reply);
    expect(await box.inputValue()).toBe('');

    // The widget's side (public key + session, real HTTP) sees the operator's reply, with the author.
    const history = await chatHistory({ ...stack.server, sessionId: answeredSession });
    expect(history.messages.at(-1)).toMatchObject({ role: 'operator', text: reply });
    expect(history.messages.at(-1)?.author).toBeTruthy();

    // Too long: the server's rule, kept by the box (the send stays disabled) and said in the hint.
    await box.fill('x'.repeat(4_001));
    expect((await box.inputValue()).length).toBe(4_000);
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('shows a prompt sent while Activity is open, without a reload, and the chart counts it', async () => {
    const { page, problems } = await stack.signedInPage();
    await page.getByRole('link', { name: 'Activity' }).click();
    const feed = page.locator('.feed');
    await feed.locator('.feed-prompt').first().waitFor();
    const promptTotal = async () => Number(await page.locator('[data-count="prompts"] dd').textContent());
    await expect.poll(promptTotal).toBeGreaterThan(0);
    const before = await promptTotal();

    const text = `Do you ship to the Moon? (${Date.now()})`;
    await sendChat({ ...stack.server, sessionId: unansweredSession, text });
    const arrived = feed.locator('.feed-prompt', { hasText: text });
    await arrived.waitFor({ timeout: 20_000 });
    expect(await feed.locator('.feed-item').first().textContent()).toContain(text); // newest first
    await expect.poll(promptTotal, { timeout: 20_000 }).toBe(before + 1);
    expect(problems.errors).toEqual([]);
    await page.close();
  });
});
