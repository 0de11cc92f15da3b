import { randomUUID } from 'node:crypto';
import { type Permission, ROLE_PERMISSIONS, type Role } from '@hindsight/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import type { ApplicationRow } from '../src/db/schema';
import { addKnowledge } from '../src/repos/knowledge-repo';
import { type DashboardClient, recordSession, signedInUser } from './support/dashboard-client';
import { createTestApp, createTestApplication } from './support/test-app';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/**
 * Walks every /api route with every role and with no credentials: each answers 401 anonymous, 403 without its
 * permission, and its success status with it. A route added without an entry here fails the coverage test.
 */

type Need = 'public' | 'signed-in' | Permission;
interface RouteCase {
  method: string;
  /** Hono's route pattern, to check every registered route is covered. */
  pattern: string;
  need: Need;
  ok: number;
  /** Builds the concrete request (may create what a destructive route consumes). */
  prepare(): Promise<{ path: string; body?: unknown }>;
}

let testDb: TestDatabase;
let app: App;
let appA: ApplicationRow;
let appB: ApplicationRow;
let sessionA: string;
let sessionB: string;
const clients = {} as Record<Exclude<Role, 'viewer'> | 'viewer', DashboardClient>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = createTestApp(testDb.db).app;
  appA = await createTestApplication(testDb.db);
  appB = await createTestApplication(testDb.db);
  sessionA = await recordSession(app, appA.public_key, { message: 'Where is my order?', visitorId: 'visitor-a' });
  sessionB = await recordSession(app, appB.public_key, { message: 'Secret of B', visitorId: 'visitor-b' });
  clients.owner = await signedInUser(app, testDb.db, 'owner');
  clients.admin = await signedInUser(app, testDb.db, 'admin');
  clients.viewer = await signedInUser(app, testDb.db, 'viewer', [appA.id]);
});
afterAll(async () => {
  await testDb?.drop();
});

const fixed = (path: string, body?: unknown) => async () => ({ path, body });
const routes = (): RouteCase[] => [
  { method: 'GET', pattern: '/api/setup', need: 'public', ok: 200, prepare: fixed('/api/setup') },
  { method: 'GET', pattern: '/api/auth/me', need: 'signed-in', ok: 200, prepare: fixed('/api/auth/me') },
  { method: 'GET', pattern: '/api/auth/sessions', need: 'signed-in', ok: 200, prepare: fixed('/api/auth/sessions') },
  {
    method: 'DELETE',
    pattern: '/api/auth/sessions/:id',
    need: 'signed-in',
    ok: 404,
    prepare: fixed(`/api/auth/sessions/${randomUUID()}`),
  },
  { method: 'GET', pattern: '/api/tokens', need: 'signed-in', ok: 200, prepare: fixed('/api/tokens') },
  { method: 'POST', pattern: '/api/tokens', need: 'signed-in', ok: 201, prepare: fixed('/api/tokens', { name: 'ci' }) },
  {
    method: 'DELETE',
    pattern: '/api/tokens/:id',
    need: 'signed-in',
    ok: 404,
    prepare: fixed(`/api/tokens/${randomUUID()}`),
  },
  { method: 'GET', pattern: '/api/users', need: 'users.manage', ok: 200, prepare: fixed('/api/users') },
  {
    method: 'POST',
    pattern: '/api/invites',
    need: 'users.manage',
    ok: 201,
    prepare: fixed('/api/invites', { email: 'new@team.example', role: 'viewer', appIds: [] }),
  },
  {
    method: 'PATCH',
    pattern: '/api/users/:id',
    need: 'users.manage',
    ok: 200,
    prepare: async () => ({ path: `/api/users/${await freshViewerId()}`, body: { role: 'admin' } }),
  },
  {
    method: 'DELETE',
    pattern: '/api/users/:id',
    need: 'users.manage',
    ok: 204,
    prepare: async () => ({ path: `/api/users/${await freshViewerId()}` }),
  },
  { method: 'GET', pattern: '/api/apps', need: 'signed-in', ok: 200, prepare: fixed('/api/apps') },
  { method: 'POST', pattern: '/api/apps', need: 'apps.manage', ok: 201, prepare: fixed('/api/apps', { name: 'Shop' }) },
  {
    method: 'PATCH',
    pattern: '/api/apps/:appId',
    need: 'apps.manage',
    ok: 200,
    prepare: async () => ({ path: `/api/apps/${appA.id}`, body: { retentionDays: 45 } }),
  },
  {
    method: 'GET',
    pattern: '/api/apps/:appId/sessions',
    need: 'sessions.view',
    ok: 200,
    prepare: async () => ({ path: `/api/apps/${appA.id}/sessions` }),
  },
  {
    method: 'GET',
    pattern: '/api/apps/:appId/sessions/export',
    need: 'recordings.download',
    ok: 200,
    prepare: async () => ({ path: `/api/apps/${appA.id}/sessions/export?format=csv` }),
  },
  {
    method: 'POST',
    pattern: '/api/apps/:appId/erase-visitor',
    need: 'apps.manage',
    ok: 200,
    prepare: async () => ({ path: `/api/apps/${appA.id}/erase-visitor`, body: { visitorId: 'nobody' } }),
  },
  {
    method: 'GET',
    pattern: '/api/apps/:appId/activity',
    need: 'sessions.view',
    ok: 200,
    prepare: async () => ({ path: `/api/apps/${appA.id}/activity` }),
  },
  {
    method: 'GET',
    pattern: '/api/apps/:appId/activity/chart',
    need: 'sessions.view',
    ok: 200,
    prepare: async () => ({ path: `/api/apps/${appA.id}/activity/chart?range=30d` }),
  },
  {
    method: 'GET',
    pattern: '/api/sessions/:id',
    need: 'recordings.view',
    ok: 200,
    prepare: async () => ({ path: `/api/sessions/${sessionA}` }),
  },
  {
    method: 'GET',
    pattern: '/api/sessions/:id/chunks',
    need: 'recordings.view',
    ok: 200,
    prepare: async () => ({ path: `/api/sessions/${sessionA}/chunks` }),
  },
  {
    method: 'GET',
    pattern: '/api/sessions/:id/download',
    need: 'recordings.download',
    ok: 200,
    prepare: async () => ({ path: `/api/sessions/${sessionA}/download?format=json` }),
  },
  {
    method: 'DELETE',
    pattern: '/api/sessions/:id',
    need: 'apps.manage',
    ok: 204,
    prepare: async () => ({ path: `/api/sessions/${await recordSession(app, appA.public_key)}` }),
  },
  {
    method: 'GET',
    pattern: '/api/sessions/:id/conversation',
    need: 'recordings.view',
    ok: 200,
    prepare: async () => ({ path: `/api/sessions/${sessionA}/conversation` }),
  },
  {
    method: 'POST',
    pattern: '/api/sessions/:id/messages',
    need: 'conversations.reply',
    ok: 201,
    prepare: async () => ({ path: `/api/sessions/${sessionA}/messages`, body: { text: 'Happy to help' } }),
  },
  {
    method: 'GET',
    pattern: '/api/apps/:appId/responder',
    need: 'apps.manage',
    ok: 200,
    prepare: async () => ({ path: `/api/apps/${appA.id}/responder` }),
  },
  {
    method: 'PUT',
    pattern: '/api/apps/:appId/responder',
    need: 'apps.manage',
    ok: 200,
    prepare: async () => ({ path: `/api/apps/${appA.id}/responder`, body: { operatorQuietMinutes: 5 } }),
  },
  {
    method: 'GET',
    pattern: '/api/apps/:appId/knowledge',
    need: 'apps.manage',
    ok: 200,
    prepare: async () => ({ path: `/api/apps/${appA.id}/knowledge` }),
  },
  {
    method: 'POST',
    pattern: '/api/apps/:appId/knowledge',
    need: 'apps.manage',
    ok: 201,
    prepare: async () => ({ path: `/api/apps/${appA.id}/knowledge`, body: { question: 'Q?', answer: 'A.' } }),
  },
  {
    method: 'PATCH',
    pattern: '/api/apps/:appId/knowledge/:entryId',
    need: 'apps.manage',
    ok: 200,
    prepare: async () => ({
      path: `/api/apps/${appA.id}/knowledge/${await freshEntryId()}`,
      body: { question: 'Q2?', answer: 'A2.' },
    }),
  },
  {
    method: 'DELETE',
    pattern: '/api/apps/:appId/knowledge/:entryId',
    need: 'apps.manage',
    ok: 204,
    prepare: async () => ({ path: `/api/apps/${appA.id}/knowledge/${await freshEntryId()}` }),
  },
  { method: 'GET', pattern: '/api/audit', need: 'audit.view', ok: 200, prepare: fixed('/api/audit') },
  { method: 'GET', pattern: '/api/audit/export', need: 'audit.view', ok: 200, prepare: fixed('/api/audit/export') },
];

/** Routes with their own tests (sign-in, one-time links, sign-out). */
const COVERED_ELSEWHERE = [
  'POST /api/setup',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/invites/:token',
  'POST /api/invites/:token/accept',
];

async function freshEntryId(): Promise<string> {
  const [entry] = await addKnowledge(testDb.db, appA.id, [{ question: 'Temporary?', answer: 'Yes.', link: null }]);
  return entry?.id ?? '';
}

async function freshViewerId(): Promise<string> {
  return (await signedInUser(app, testDb.db, 'viewer')).me.user.id;
}

function expectedStatus(route: RouteCase, role: Role | 'anonymous'): number {
  if (route.need === 'public') return route.ok;
  if (role === 'anonymous') return 401;
  if (route.need === 'signed-in') return route.ok;
  return ROLE_PERMISSIONS[role].includes(route.need) ? route.ok : 403;
}

it('has a case for every /api route the app serves', () => {
  const served = app.routes
    .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
    .map((r) => `${r.method} ${r.path}`);
  const listed = [...routes().map((r) => `${r.method} ${r.pattern}`), ...COVERED_ELSEWHERE];
  expect([...new Set(served)].sort()).toEqual([...new Set(listed)].sort());
});

describe.each(['anonymous', 'viewer', 'admin', 'owner'] as const)('as %s', (role) => {
  it.each(routes().map((r) => [`${r.method} ${r.pattern}`, r] as const))('%s', async (_name, route) => {
    const { path, body } = await route.prepare();
    const response =
      role === 'anonymous'
        ? await app.request(path, {
            method: route.method,
            headers: body === undefined ? {} : { 'content-type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body),
          })
        : await clients[role].request(route.method, path, body);
    const expected = expectedStatus(route, role);
    expect(response.status, await response.clone().text()).toBe(expected);
    if (expected >= 400 && expected !== 404) {
      const error = ((await response.json()) as { error: { code: string } }).error.code;
      expect(error).toBe(expected === 401 ? 'unauthorized' : 'forbidden');
    }
  });
});

describe('a viewer of application A', () => {
  it.each([
    ['sessions', () => `/api/apps/${appB.id}/sessions`],
    ['export', () => `/api/apps/${appB.id}/sessions/export?format=json`],
    ['activity', () => `/api/apps/${appB.id}/activity`],
    ['chart', () => `/api/apps/${appB.id}/activity/chart`],
    ['replay metadata', () => `/api/sessions/${sessionB}`],
    ['events', () => `/api/sessions/${sessionB}/chunks`],
    ['download', () => `/api/sessions/${sessionB}/download?format=json`],
  ])('never reads B: %s answers 404', async (_name, path) => {
    const response = await clients.viewer.request('GET', path());
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('Secret of B');
  });

  it('sees only A in the applications list, and A has its session', async () => {
    const apps = (await (await clients.viewer.request('GET', '/api/apps')).json()) as { apps: { id: string }[] };
    expect(apps.apps.map((a) => a.id)).toEqual([appA.id]);
    const list = (await (await clients.viewer.request('GET', `/api/apps/${appA.id}/sessions`)).json()) as {
      sessions: { id: string }[];
    };
    expect(list.sessions.map((s) => s.id)).toContain(sessionA);
    expect(list.sessions.map((s) => s.id)).not.toContain(sessionB);
  });
});

describe('credentials', () => {
  it('refuses a cookie-authenticated change without the CSRF token', async () => {
    const response = await clients.owner.request('POST', '/api/apps', { name: 'x' }, { 'X-CSRF-Token': 'wrong' });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('csrf_invalid');
  });

  it('accepts an API token as its user (no CSRF needed), and not once revoked', async () => {
    const created = await clients.viewer.request('POST', '/api/tokens', { name: 'script' });
    const { token, id } = (await created.json()) as { token: string; id: string };
    const asToken = (method: string, path: string) =>
      app.request(path, { method, headers: { authorization: `Bearer ${token}` } });
    expect((await asToken('GET', `/api/apps/${appA.id}/sessions`)).status).toBe(200);
    expect((await asToken('GET', `/api/apps/${appB.id}/sessions`)).status).toBe(404);
    expect((await asToken('POST', '/api/apps')).status).toBe(403);
    expect((await clients.viewer.request('DELETE', `/api/tokens/${id}`)).status).toBe(204);
    expect((await asToken('GET', `/api/apps/${appA.id}/sessions`)).status).toBe(401);
  });
});
