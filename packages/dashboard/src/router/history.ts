/** The tiny history-API router's state: the current location, and a way to change it that every subscriber hears. */

const listeners = new Set<() => void>();

/** Goes to `to` (a same-origin path with optional ?query and #hash) without reloading. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const current = location.pathname + location.search + location.hash;
  if (to === current) return;
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  notify();
  // A new page starts at its top, and keyboard and screen-reader users start at its content (the header stays
  // behind them); replacing (filters, search) keeps the reader and the focus where they are.
  if (!options.replace) {
    if (!to.includes('#')) window.scrollTo(0, 0);
    requestAnimationFrame(() => document.getElementById('main')?.focus({ preventScroll: true }));
  }
}

/** Calls `listener` on every navigation (ours, back/forward, hash changes); returns the unsubscribe. */
export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify() {
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', notify);
window.addEventListener('hashchange', notify);

/** The path plus query of the current location: what sign-in comes back to. */
export function currentTarget(): string {
  return location.pathname + location.search + location.hash;
}
