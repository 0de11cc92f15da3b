import { ApiError, apiErrorFromResponse, NETWORK_ERROR_STATUS } from './api-error';
import { apiPath } from './api-path';

/** Header carrying the CSRF token (the value of CSRF_HEADER in @hindsight/shared; imported as types only). */
const CSRF_HEADER = 'X-CSRF-Token';

export type MutatingMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The one way the dashboard talks to the server. Paths are relative to /api (a leading `/api` is accepted too).
 * Every failure is an `ApiError`; a 401 `unauthorized` also calls `onUnauthorized` (the app goes to sign-in).
 */
export interface ApiClient {
  get<T>(path: string, init?: { signal?: AbortSignal }): Promise<T>;
  /** POST / PUT / PATCH / DELETE with a JSON body and the CSRF header; 204 resolves to undefined. */
  send<T>(method: MutatingMethod, path: string, body?: unknown): Promise<T>;
  /** A GET whose body the caller reads itself (binary chunks, downloads); resolves only for 2xx answers. */
  fetchRaw(path: string, init?: { signal?: AbortSignal }): Promise<Response>;
  /** Set after sign-in from MeResponse.csrfToken; cleared on sign-out. */
  setCsrfToken(token: string | null): void;
}

export interface ApiClientOptions {
  onUnauthorized?: () => void;
  /** For tests; the browser's fetch by default. */
  fetch?: typeof fetch;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  let csrfToken: string | null = null;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function request(path: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      // Same origin: the HttpOnly session cookie travels by itself.
      response = await doFetch(apiPath(path), { credentials: 'same-origin', ...init });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError(
        NETWORK_ERROR_STATUS,
        'network',
        'Could not reach the Hindsight server. Check your connection.',
      );
    }
    if (response.ok) return response;
    const error = await apiErrorFromResponse(response);
    // Only a lost sign-in sends the user away; a wrong password on the sign-in form is `invalid_credentials`.
    if (error.status === 401 && error.code === 'unauthorized') options.onUnauthorized?.();
    throw error;
  }

  async function readJson<T>(response: Response): Promise<T> {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    async get<T>(path: string, init: { signal?: AbortSignal } = {}) {
      const response = await request(path, { headers: { Accept: 'application/json' }, signal: init.signal ?? null });
      return readJson<T>(response);
    },
    async send<T>(method: MutatingMethod, path: string, body?: unknown) {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (csrfToken) headers[CSRF_HEADER] = csrfToken;
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const response = await request(path, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
      });
      return readJson<T>(response);
    },
    fetchRaw(path: string, init: { signal?: AbortSignal } = {}) {
      return request(path, { signal: init.signal ?? null });
    },
    setCsrfToken(token) {
      csrfToken = token;
    },
  };
}
