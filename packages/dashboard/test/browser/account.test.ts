import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER } from './support/hindsight-server';
import { type Stack, signIn, startStack } from './support/stack';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
}, 180_000);

afterAll(() => stack?.stop());

describe('signing in, settings and the access log', () => {
  it('shows the server’s message for a wrong password, then lands on Sessions with the right one', async () => {
    const { page, problems } = await stack.newPage();
    await page.goto(`${stack.server.origin}/`);
    await page.waitForURL(/\/signin$/);
    await signIn(page, stack.server.origin, 'not the password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    // The server's own words (invalid_credentials), not a generic failure.
    expect(await alert.textContent()).toMatch(/password/i);
    expect(page.url()).toMatch(/\/signin$/);

    await page.getByLabel('Password').fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/apps\/[^/]+\/sessions$/);
    await page.getByRole('heading', { name: 'Sessions' }).waitFor();
    expect(await page.locator('[aria-current="page"].nav-link').textContent()).toBe('Sessions');
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('copies the snippet with the application’s public key', async () => {
    const { page, problems } = await stack.signedInPage();
    await stack.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: stack.server.origin,
    });
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL(/\/settings$/);
    const key = page.locator('.public-key');
    await key.waitFor();
    expect(await key.textContent()).toBe(stack.server.appKey);
    const snippet = await page.locator('.snippet-code').textContent();
    expect(snippet).toContain(stack.server.appKey);

    await page.getByRole('button', { name: 'Copy snippet' }).click();
    await page.getByText('Copied').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(snippet);
    expect(copied).toContain(`${stack.server.origin}/widget.js`);
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('creates an application and opens its settings, with its own key', async () => {
    const { page, problems } = await stack.signedInPage();
    await page.getByRole('link', { name: 'Settings' }).click();
    const form = page.getByRole('form', { name: 'New application' });
    await form.getByLabel('Name').fill('Second shop');
    await form.getByLabel('Allowed origins (optional)').fill('https://second.example/, https://www.second.example');
    await form.getByRole('button', { name: 'Create application' }).click();
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Application' }).locator('option:checked').textContent())
      .toBe('Second shop');
    expect(page.url()).toMatch(/\/apps\/[^/]+\/settings$/);
    expect(await page.locator('.public-key').textContent()).not.toBe(stack.server.appKey);
    expect(await page.getByLabel('Allowed origins', { exact: true }).inputValue()).toBe(
      'https://second.example\nhttps://www.second.example',
    );

    // Switching back keeps the section.
    await page.getByRole('combobox', { name: 'Application' }).selectOption({ label: 'Default' });
    await expect.poll(() => page.locator('.public-key').textContent()).toBe(stack.server.appKey);
    expect(page.url()).toMatch(/\/settings$/);
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('lists the sign-ins in the access log and filters by action in the URL', async () => {
    const { page, problems } = await stack.signedInPage();
    await page.getByRole('link', { name: 'Access log' }).click();
    await page.waitForURL(/\/audit$/);
    const signIns = page.locator('tbody tr[data-action="auth.sign_in"]');
    await signIns.first().waitFor();
    expect(await signIns.count()).toBe(1);
    expect(await signIns.first().locator('[data-label="Who"]').textContent()).toBe(OWNER.email);
    expect(await signIns.first().locator('[data-label="Address"]').textContent()).toBe('127.0.0.1');
    expect(await page.locator('tbody tr[data-action="auth.sign_in_failed"]').count()).toBe(1);

    await page.getByLabel('Action').selectOption('auth.sign_in_failed');
    await page.waitForURL(/\/audit\?action=auth\.sign_in_failed$/);
    await expect
      .poll(() => page.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action'))))
      .toEqual(['auth.sign_in_failed']);
    await page.reload();
    await page.locator('tbody tr').first().waitFor();
    expect(await page.locator('tbody tr[data-action="auth.sign_in_failed"]').count()).toBe(1);
    expect(await page.getByLabel('Action').inputValue()).toBe('auth.sign_in_failed');
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('signs out, and a deep link then goes through sign-in and comes back', async () => {
    const { page, problems } = await stack.signedInPage();
    const activity = `${new URL(page.url()).pathname.replace(/sessions$/, 'activity')}?type=prompts`;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin$/);

    await page.goto(`${stack.server.origin}${activity}`);
    await page.waitForURL(/\/signin\?next=/);
    await signIn(page, stack.server.origin, OWNER.password);
    await page.waitForURL((url) => url.pathname + url.search === activity);
    await page.getByRole('heading', { name: 'Activity' }).waitFor();
    expect(await page.getByRole('link', { name: 'Prompts', exact: true }).getAttribute('aria-current')).toBe('page');
    expect(problems.errors).toEqual([]);
    await page.close();
  });
});
