import { type AppsResponse, CSRF_HEADER, type MeResponse, SESSION_COOKIE } from '@hindsight/shared';
import { type HindsightServer, TEST_ADMIN } from './hindsight-server';

export interface DashboardApi {
  /** Calls the dashboard API as the signed-in owner (cookie, and the CSRF token on changes); throws unless 2xx. */
  request<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** The default application's id. */
  appId(): Promise<string>;
}

/** Signs in as the test owner through POST /api/auth/login, as the dashboard does. */
export async function signInAsOwner(server: HindsightServer): Promise<DashboardApi> {
  const login = await fetch(`${server.origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(TEST_ADMIN),
  });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(login.headers.get('set-cookie') ?? '')?.[1];
  const { csrfToken } = (await login.json()) as MeResponse;
  const api: DashboardApi = {
    async request(method, path, body) {
      const response = await fetch(`${server.origin}${path}`, {
        method,
        headers: {
          cookie: `${SESSION_COOKIE}=${cookie}`,
          [CSRF_HEADER]: csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as never;
    },
    async appId() {
      const { apps } = await api.request<AppsResponse>('GET', '/api/apps');
      const app = apps.find((a) => a.publicKey === server.appKey);
      if (!app) throw new Error('the default application is missing');
      return app.id;
    },
  };
  return api;
}
