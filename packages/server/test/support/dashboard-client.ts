import { CSRF_HEADER, type MeResponse, type Role, SESSION_COOKIE } from '@hindsight/shared';
import type { App } from '../../src/app';
import { hashPassword } from '../../src/auth/password';
import type { Db } from '../../src/db/database';
import { createUser } from '../../src/repos/users-repo';
import { batchBody, makeEvents, newSessionId } from './batches';
import { postBatch } from './test-app';

export const TEST_PASSWORD = 'correct horse battery staple';

/** A browser's view of the dashboard API: keeps the sign-in cookie and sends the CSRF token on changes. */
export interface DashboardClient {
  me: MeResponse;
  cookie: string;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

let userCounter = 0;

/** Creates a user with this role (and granted applications) and signs them in through POST /api/auth/login. */
export async function signedInUser(app: App, db: Db, role: Role, appIds: string[] = []): Promise<DashboardClient> {
  const email = `user${++userCounter}-${role}@team.example`;
  await db
    .transaction()
    .execute(async (tx) =>
      createUser(tx, { email, name: role, role, passwordHash: await hashPassword(TEST_PASSWORD), appIds }),
    );
  return signIn(app, email, TEST_PASSWORD);
}

export async function signIn(app: App, email: string, password: string): Promise<DashboardClient> {
  const response = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return clientFromSignIn(app, response);
}

/** The client for a response that set the sign-in cookie (login, setup, accepted invite). */
export async function clientFromSignIn(app: App, response: Response): Promise<DashboardClient> {
  const cookie = sessionCookieOf(response);
  const me = (await response.json()) as MeResponse;
  return {
    me,
    cookie,
    async request(method, path, body, headers = {}) {
      return app.request(path, {
        method,
        headers: {
          cookie: `${SESSION_COOKIE}=${cookie}`,
          ...(method === 'GET' ? {} : { [CSRF_HEADER]: me.csrfToken }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    },
  };
}

export function sessionCookieOf(response: Response): string {
  const header = response.headers.get('set-cookie') ?? '';
  const match = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(header);
  if (!match?.[1]) throw new Error(`no session cookie in ${header}`);
  return match[1];
}

/** Records a replayable session through the real ingest route: a full snapshot, a visitor message, more events. */
export async function recordSession(
  app: App,
  publicKey: string,
  options: { visitorId?: string; url?: string; message?: string } = {},
): Promise<string> {
  const session = newSessionId();
  const start = Date.now() - 60_000;
  const events = makeEvents(5, { full: true, start });
  if (options.message) {
    events.push({
      type: 5,
      timestamp: start + 2_000,
      data: { tag: 'hindsight.message', payload: { role: 'visitor', text: options.message } },
    });
  }
  const page = { url: options.url ?? 'https://shop.example/pricing', width: 1280, height: 720 };
  const responses = [
    await postBatch(app, {
      key: publicKey,
      session,
      seq: 0,
      body: batchBody({ events, page, visitorId: options.visitorId }),
    }),
    await postBatch(app, {
      key: publicKey,
      session,
      seq: 1,
      body: batchBody({ events: makeEvents(4, { start: start + 5_000 }) }),
    }),
  ];
  for (const response of responses) {
    if (response.status !== 200) throw new Error(`ingest failed: ${response.status} ${await response.text()}`);
  }
  return session;
}
