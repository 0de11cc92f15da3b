import { render } from 'preact';
import { ReplayPage } from '../../../src/replay/ReplayPage';
import type { ReplayApi } from '../../../src/replay/replay-api';

/** The harness page: the real ReplayPage against the origin's API, its debug state on `window.__replay`. */
const api: ReplayApi = {
  async get<T>(path: string, init?: { signal?: AbortSignal }) {
    const response = await fetch(path, init?.signal ? { signal: init.signal } : {});
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as T;
  },
  async fetchRaw(path: string, init?: { signal?: AbortSignal }) {
    const response = await fetch(path, init?.signal ? { signal: init.signal } : {});
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response;
  },
};

const sessionId = new URLSearchParams(location.search).get('session') ?? '';
const debug = ((window as any).__replay = { firstFrameAt: null as number | null, status: 'loading', controller: null });
render(
  <ReplayPage sessionId={sessionId} api={api} onDebug={(state) => Object.assign(debug, state)} />,
  document.getElementById('app')!,
);
