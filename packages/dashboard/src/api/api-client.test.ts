import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from './api-client';
import { ApiError } from './api-error';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('createApiClient', () => {
  it('sends the CSRF token and JSON body on mutations, under /api', async () => {
    const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => json(200, { ok: true }));
    const api = createApiClient({ fetch });
    api.setCsrfToken('tok');
    await expect(api.send('POST', '/apps', { name: 'Shop' })).resolves.toEqual({ ok: true });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/apps');
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('X-CSRF-Token')).toBe('tok');
    expect(init?.body).toBe('{"name":"Shop"}');
  });

  it('turns error bodies into ApiError and reports lost sign-ins only', async () => {
    const onUnauthorized = vi.fn();
    const answers = [
      json(401, { error: { code: 'invalid_credentials', message: 'Wrong email or password.' } }),
      json(401, { error: { code: 'unauthorized', message: 'Sign in.' } }),
      new Response('oops', { status: 502, statusText: 'Bad Gateway' }),
    ];
    const api = createApiClient({ fetch: async () => answers.shift()!, onUnauthorized });
    const first = await api.send('POST', '/auth/login', {}).catch((error) => error);
    expect(first).toBeInstanceOf(ApiError);
    expect(first).toMatchObject({ status: 401, code: 'invalid_credentials', message: 'Wrong email or password.' });
    expect(onUnauthorized).not.toHaveBeenCalled();
    await expect(api.get('/auth/me')).rejects.toMatchObject({ code: 'unauthorized' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    await expect(api.get('/x')).rejects.toMatchObject({ status: 502, code: 'http_502' });
  });

  it('answers 204 with undefined and network failures with status 0', async () => {
    const answers: (() => Response)[] = [
      () => new Response(null, { status: 204 }),
      () => {
        throw new TypeError('Failed to fetch');
      },
    ];
    const api = createApiClient({ fetch: async () => answers.shift()!() });
    await expect(api.send('DELETE', '/tokens/1')).resolves.toBeUndefined();
    await expect(api.get('/auth/me')).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});
