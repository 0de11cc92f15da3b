import { type MeResponse, SESSION_COOKIE } from '@hindsight/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { ensureOwner } from '../src/bootstrap-owner';
import { clientFromSignIn, signedInUser, signIn, TEST_PASSWORD } from './support/dashboard-client';
import { createTestApp, createTestClock, testConfig } from './support/test-app';
import { createTestDatabase, type TestDatabase } from './support/test-database';

let testDb: TestDatabase;
let app: App;
const clock = createTestClock();

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = createTestApp(testDb.db, { clock: clock.now }).app;
});
afterAll(async () => {
  await testDb?.drop();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

describe('first start', () => {
  it('issues a one-time setup link that creates the owner once', async () => {
    const config = testConfig({ PUBLIC_URL: 'https://hindsight.example' });
    const bootstrap = await ensureOwner(testDb.db, {
      auth: config.auth,
      publicUrl: config.publicUrl,
      now: clock.now(),
    });
    if (bootstrap.kind !== 'setup') throw new Error(`expected a setup link, got ${bootstrap.kind}`);
    expect(bootstrap.url).toMatch(/^https:\/\/hindsight\.example\/setup\?token=/);
    const token = new URL(bootstrap.url).searchParams.get('token');
    expect(await (await app.request('/api/setup')).json()).toEqual({ needsSetup: true });

    const weak = await post('/api/setup', { token, email: 'owner@team.example', name: 'Olive', password: 'short' });
    expect(weak.status).toBe(400);
    const created = await post('/api/setup', {
      token,
      email: 'owner@team.example',
      name: 'Olive',
      password: TEST_PASSWORD,
    });
    expect(created.status).toBe(201);
    const owner = await clientFromSignIn(app, created);
    expect(owner.me.user.role).toBe('owner');
    expect(await (await app.request('/api/setup')).json()).toEqual({ needsSetup: false });

    const again = await post('/api/setup', { token, email: 'evil@x.example', name: 'Eve', password: TEST_PASSWORD });
    expect(again.status).toBe(404);
    expect(await errorCode(again)).toBe('invalid_link');
    expect(
      (await ensureOwner(testDb.db, { auth: config.auth, publicUrl: config.publicUrl, now: clock.now() })).kind,
    ).toBe('exists');
  });

  it('creates the owner from HINDSIGHT_ADMIN_EMAIL / HINDSIGHT_ADMIN_PASSWORD on an empty database', async () => {
    const fresh = await createTestDatabase();
    try {
      const config = testConfig({
        HINDSIGHT_ADMIN_EMAIL: 'boss@team.example',
        HINDSIGHT_ADMIN_PASSWORD: TEST_PASSWORD,
      });
      const result = await ensureOwner(fresh.db, { auth: config.auth, publicUrl: config.publicUrl, now: new Date() });
      expect(result).toEqual({ kind: 'created', email: 'boss@team.example' });
      const client = await signIn(createTestApp(fresh.db).app, 'boss@team.example', TEST_PASSWORD);
      expect(client.me.permissions).toContain('users.manage');
    } finally {
      await fresh.drop();
    }
  });
});

describe('sign-in', () => {
  it('sets an HttpOnly SameSite cookie, and refuses a wrong password with invalid_credentials', async () => {
    const user = await signedInUser(app, testDb.db, 'viewer');
    const wrong = await post('/api/auth/login', { email: user.me.user.email, password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(await errorCode(wrong)).toBe('invalid_credentials');
    expect(wrong.headers.get('set-cookie')).toBeNull();

    const right = await post('/api/auth/login', { email: user.me.user.email.toUpperCase(), password: TEST_PASSWORD });
    expect(right.status).toBe(200);
    const cookie = right.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("refuses another site's page posting a sign-in (login CSRF), and accepts the dashboard's own origin", async () => {
    const freshApp = createTestApp(testDb.db, { clock: clock.now }).app; // its own sign-in attempt budget
    const user = await signedInUser(freshApp, testDb.db, 'viewer');
    const login = (origin: string) =>
      freshApp.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', origin, host: 'hindsight.example' },
        body: JSON.stringify({ email: user.me.user.email, password: TEST_PASSWORD }),
      });
    const forged = await login('https://evil.example');
    expect(forged.status).toBe(403);
    expect(await errorCode(forged)).toBe('csrf_invalid');
    expect((await login('https://hindsight.example')).status).toBe(200);
  });

  it('rate-limits guessing per email with 429 and Retry-After, and still serves others', async () => {
    const victim = await signedInUser(app, testDb.db, 'viewer');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const response = await post('/api/auth/login', { email: victim.me.user.email, password: `guess-${i}` });
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // The user's own sign-in took one attempt of the burst of 10: nine guesses, then refused.
    const firstRefused = statuses.indexOf(429);
    expect(firstRefused).toBeGreaterThan(0);
    expect(firstRefused).toBeLessThanOrEqual(10);
    expect(statuses.slice(0, firstRefused).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(firstRefused).every((s) => s === 429)).toBe(true);
    const me = (await (await victim.request('GET', '/api/auth/me')).json()) as MeResponse;
    expect(me.user.id).toBe(victim.me.user.id);
  });

  it('signs out: the cookie stops working', async () => {
    const user = await signedInUser(app, testDb.db, 'viewer');
    expect((await user.request('POST', '/api/auth/logout')).status).toBe(204);
    expect((await user.request('GET', '/api/auth/me')).status).toBe(401);
  });

  it('expires an unused sign-in after the idle timeout, and lets the user revoke another sign-in', async () => {
    const laptop = await signedInUser(app, testDb.db, 'viewer');
    const phone = await signIn(app, laptop.me.user.email, TEST_PASSWORD);
    const sessions = (await (await laptop.request('GET', '/api/auth/sessions')).json()) as {
      sessions: { id: string; current: boolean }[];
    };
    expect(sessions.sessions).toHaveLength(2);
    const other = sessions.sessions.find((s) => !s.current);
    expect((await laptop.request('DELETE', `/api/auth/sessions/${other?.id}`)).status).toBe(204);
    expect((await phone.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await laptop.request('GET', '/api/auth/me')).status).toBe(200);

    clock.advance(testConfig().auth.sessionIdleMs + 1_000);
    expect((await laptop.request('GET', '/api/auth/me')).status).toBe(401);
  });
});

describe('invitations', () => {
  it('invites a viewer by one-time link, with the granted applications only', async () => {
    const admin = await signedInUser(app, testDb.db, 'admin');
    const created = await admin.request('POST', '/api/invites', { email: 'new.viewer@team.example', role: 'viewer' });
    expect(created.status).toBe(201);
    const { url } = (await created.json()) as { url: string };
    const token = new URL(url).searchParams.get('token');
    expect(await (await app.request(`/api/invites/${token}`)).json()).toEqual({
      email: 'new.viewer@team.example',
      role: 'viewer',
    });
    const accepted = await post(`/api/invites/${token}/accept`, { name: 'Nia', password: TEST_PASSWORD });
    expect(accepted.status).toBe(201);
    expect((await clientFromSignIn(app, accepted)).me.user.role).toBe('viewer');
    const reused = await post(`/api/invites/${token}/accept`, { name: 'Nia', password: TEST_PASSWORD });
    expect(reused.status).toBe(404);
  });

  it('lets only an owner grant the owner role', async () => {
    const admin = await signedInUser(app, testDb.db, 'admin');
    const response = await admin.request('POST', '/api/invites', { email: 'x@team.example', role: 'owner' });
    expect(response.status).toBe(403);
  });
});

describe('the access log', () => {
  it('records sign-ins and failures with address and user agent, and the database refuses edits', async () => {
    // A fresh app: the earlier tests used up this address's sign-in attempts (all share one in-process address).
    const freshApp = createTestApp(testDb.db, { clock: clock.now }).app;
    const user = await signedInUser(freshApp, testDb.db, 'admin');
    const failed = await freshApp.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'curl/8' },
      body: JSON.stringify({ email: user.me.user.email, password: 'nope-nope-nope' }),
    });
    expect(failed.status).toBe(401);
    const log = (await (await user.request('GET', '/api/audit?action=auth.sign_in_failed')).json()) as {
      entries: { userEmail: string; userAgent: string }[];
    };
    expect(log.entries[0]).toMatchObject({ userEmail: user.me.user.email, userAgent: 'curl/8' });
    await expect(sql`delete from audit_log`.execute(testDb.db)).rejects.toThrow(/append-only/);
    await expect(sql`update audit_log set action = 'x'`.execute(testDb.db)).rejects.toThrow(/append-only/);
  });
});
