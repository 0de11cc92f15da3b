/**
 * The one module that touches the host page's globals. Everything the widget needs from the page is read
 * here once, when the script runs, so later patches by the page (a wrapped fetch, a patched
 * Array.prototype.toJSON) do not change how the widget behaves. Nothing here throws into the page.
 */

const w = window;

/** `fetch` bound to the window as it was when the widget loaded. */
export const hostFetch: typeof fetch | undefined = typeof w.fetch === 'function' ? w.fetch.bind(w) : undefined;
const beacon = w.navigator.sendBeacon?.bind(w.navigator);

export function sendBeacon(url: string, body: Uint8Array): boolean {
  try {
    return beacon ? beacon(url, new Blob([body as BlobPart], { type: 'text/plain' })) : false;
  } catch {
    return false;
  }
}

/** Storage that never throws (Safari private mode, disabled cookies, full quota). */
function safeStorage(pick: () => Storage) {
  let storage: Storage | undefined;
  try {
    storage = pick();
  } catch {
    storage = undefined;
  }
  return {
    get(key: string): string | null {
      try {
        return storage?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set(key: string, value: string): boolean {
      try {
        storage?.setItem(key, value);
        return storage !== undefined;
      } catch {
        return false;
      }
    },
    remove(key: string): void {
      try {
        storage?.removeItem(key);
      } catch {
        // nothing to do
      }
    },
  };
}

export const tabStorage = safeStorage(() => w.sessionStorage);
export const visitorStorage = safeStorage(() => w.localStorage);

/**
 * JSON.stringify that ignores a page's Array.prototype.toJSON (old Prototype.js-era code turns arrays into
 * strings with it, which would corrupt every rrweb event).
 */
export function stringify(value: unknown): string {
  const proto = Array.prototype as { toJSON?: unknown };
  const patched = proto.toJSON;
  if (patched === undefined) return JSON.stringify(value);
  try {
    delete proto.toJSON;
  } catch {
    // frozen prototype: the replacer below undoes the patch per array instead
  }
  try {
    if (proto.toJSON === undefined) return JSON.stringify(value);
    return JSON.stringify(value, function (this: unknown, key: string, v: unknown) {
      const original = (this as Record<string, unknown>)[key];
      return Array.isArray(original) ? [...original] : v;
    });
  } finally {
    if (proto.toJSON === undefined) proto.toJSON = patched;
  }
}

/** Global Privacy Control: the visitor asked not to be tracked. */
export const globalPrivacyControl = (w.navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;

export const hostDocument = w.document;
export const hostLocation = w.location;
export const hostWindow = w;

/** What the lazy parts (chat, recorder) get from the page, handed over by the loader: one instance. */
export const host = {
  fetch: hostFetch,
  sendBeacon,
  tabStorage,
  stringify,
  window: w,
  document: w.document,
  location: w.location,
};
export type Host = typeof host;
