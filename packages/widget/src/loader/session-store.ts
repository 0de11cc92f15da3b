import { hostWindow, tabStorage, visitorStorage } from './host';

/** What a tab remembers about its session across reloads and navigations (sessionStorage: per tab). */
export interface SessionState {
  id: string;
  /** The sequence number the next batch gets; reserved when a batch is made, so numbers never repeat. */
  nextSeq: number;
  /** The recorder was running: later pages of the session resume it at once. */
  recording: boolean;
}

const VISITOR_KEY = 'hindsight:visitor';

/** 22 URL-safe random characters (132 bits). */
export function randomId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let id = '';
  for (const byte of bytes) id += 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[byte & 63];
  return id + Date.now().toString(36).slice(-6);
}

export type SessionStore = ReturnType<typeof createSessionStore>;

/** Session state for one application key, kept in this tab's sessionStorage. */
export function createSessionStore(appKey: string) {
  const key = `hindsight:${appKey}:session`;
  // A tab can start with a copy of another tab's sessionStorage ("Duplicate tab", or window.open with an opener).
  // Continuing the copied session would make two tabs number their batches from the same seq, and the server
  // would keep one batch of each pair. So a page marks its tab as shown, and unmarks it when it goes (pagehide):
  // a page that finds the mark at its start is a copy whose original is still open, and starts afresh. A
  // navigation or reload in the same tab finds no mark, and continues the session. The same check as
  // posthog-js's (`primary_window_exists`), on pagehide rather than beforeunload, which would keep Firefox from
  // putting the page in its back/forward cache.
  const shownKey = `hindsight:${appKey}:shown`;
  const copied = tabStorage.get(shownKey) !== null;
  const markShown = () => tabStorage.set(shownKey, '1');
  markShown();
  hostWindow.addEventListener('pagehide', () => tabStorage.remove(shownKey));
  hostWindow.addEventListener('pageshow', (event) => event.persisted && markShown());
  if (copied) tabStorage.remove(key);
  const read = (): SessionState | undefined => {
    try {
      const state = JSON.parse(tabStorage.get(key) ?? 'null') as SessionState | null;
      return state && typeof state.id === 'string' && Number.isInteger(state.nextSeq) ? state : undefined;
    } catch {
      return undefined;
    }
  };
  // Kept in memory too: a page whose storage is unavailable still has one consistent session while it lives.
  let current = read();
  const write = (state: SessionState) => {
    current = state;
    tabStorage.set(key, JSON.stringify(state));
    return state;
  };

  return {
    /** This tab started with a copy of another open tab's storage: it takes over none of that tab's chat. */
    copiedTab: copied,
    current: (): SessionState | undefined => current,
    /** The session, started if there is none yet. */
    ensure: (): SessionState => current ?? write({ id: randomId(), nextSeq: 0, recording: false }),
    /** Reserves the next sequence number of the current session. */
    reserveSeq(): { sessionId: string; seq: number } {
      const state = this.ensure();
      write({ ...state, nextSeq: state.nextSeq + 1 });
      return { sessionId: state.id, seq: state.nextSeq };
    },
    setRecording: (recording: boolean) => current && write({ ...current, recording }),
    /** Forgets the session: the next chat starts a new one. */
    clear(): void {
      current = undefined;
      tabStorage.remove(key);
    },
    /** Starts a new session now (after the server said the old one ended). */
    renew: (): SessionState => write({ id: randomId(), nextSeq: 0, recording: current?.recording ?? false }),
  };
}

/** The visitor id, kept in localStorage so one browser's sessions link up; `identify` can replace it. */
export function visitorId(replace?: string): string {
  if (replace) {
    visitorStorage.set(VISITOR_KEY, replace);
    return replace;
  }
  const existing = visitorStorage.get(VISITOR_KEY);
  if (existing && /^[A-Za-z0-9_-]{1,64}$/.test(existing)) return existing;
  const id = randomId();
  visitorStorage.set(VISITOR_KEY, id);
  return id;
}
