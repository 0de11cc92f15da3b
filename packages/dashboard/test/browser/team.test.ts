import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchProblems } from './support/browser';
import { type Stack, startStack } from './support/stack';

const FOUNDER = { name: 'Ada Owner', email: 'ada@hindsight.test', password: 'first owner password' };
const VIEWER = { name: 'Vic Viewer', email: 'vic@hindsight.test', password: 'viewer password 123' };

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ owner: false });
}, 180_000);

afterAll(() => stack?.stop());

describe('first run and the team', () => {
  it('creates the owner from the one-time setup link the server printed', async () => {
    const setupUrl = stack.server.output().match(/https?:\/\/\S+\/setup\?token=\S+/)?.[0];
    expect(setupUrl).toBeDefined();
    const { page, problems } = await stack.newPage();

    // Without an owner, the sign-in page points to the link.
    await page.goto(`${stack.server.origin}/signin`);
    await page.getByText('This Hindsight has no owner yet.', { exact: false }).waitFor();

    await page.goto(setupUrl!);
    await page.getByLabel('Your name').fill(FOUNDER.name);
    await page.getByLabel('Email').fill(FOUNDER.email);
    await page.getByLabel('Password').fill(FOUNDER.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/apps\/[^/]+\/sessions$/);
    expect(await page.locator('.account-name').textContent()).toBe(FOUNDER.name);

    // The link works once.
    await page.goto(setupUrl!);
    await page.getByRole('heading', { name: 'Already set up' }).waitFor();
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('invites a viewer who joins with the link and sees only what a viewer may', async () => {
    const { page, problems } = await stack.newPage();
    await page.goto(`${stack.server.origin}/`);
    await page.waitForURL(/\/sessions$/);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    const invite = page.getByRole('form', { name: 'Invite someone' });
    await invite.getByLabel('Email').fill(VIEWER.email);
    await invite.getByLabel('Role').selectOption('viewer');
    await invite.getByLabel('Default').check();
    await invite.getByRole('button', { name: 'Create invitation link' }).click();
    const link = await page.locator('.invite-url').textContent();
    expect(link).toMatch(new RegExp(`^${stack.server.origin}/invite\\?token=`));

    // Another person, another browser.
    const other = await stack.launchBrowser();
    const viewerPage = await other.context.newPage();
    const viewerProblems = watchProblems(viewerPage);
    await viewerPage.goto(link!);
    await viewerPage.getByText(VIEWER.email).waitFor();
    await viewerPage.getByLabel('Your name').fill(VIEWER.name);
    await viewerPage.getByLabel('Choose a password').fill(VIEWER.password);
    await viewerPage.getByRole('button', { name: 'Join' }).click();
    await viewerPage.waitForURL(/\/apps\/[^/]+\/sessions$/);

    const nav = await viewerPage.locator('.nav-link').allTextContents();
    expect(nav).toEqual(['Sessions', 'Activity', 'Settings']);
    // Viewers may download recordings (ROLE_PERMISSIONS) but not manage the application.
    await viewerPage.getByRole('link', { name: 'Export CSV' }).waitFor();
    expect(await viewerPage.getByRole('button', { name: 'Erase a visitor…' }).count()).toBe(0);
    await viewerPage.getByRole('link', { name: 'Settings' }).click();
    await viewerPage.getByRole('heading', { name: 'API tokens' }).waitFor();
    expect(await viewerPage.getByRole('heading', { name: 'Application' }).count()).toBe(0);
    expect(await viewerPage.getByRole('heading', { name: 'Users' }).count()).toBe(0);

    // The owner sees the new member in the list.
    await page.reload();
    await page.getByText(VIEWER.email, { exact: false }).first().waitFor();
    expect(problems.errors).toEqual([]);
    expect(viewerProblems.errors).toEqual([]);
    await page.close();
  });
});
