/**
 * Moves the replay on this page to `offsetMs` through its deep link (`#t=<seconds>`): the hash is replaced (no new
 * history entry) and a `hashchange` announced, which both the router and the replay viewer listen to. This keeps
 * the conversation panel independent of the viewer's internals.
 */
export function seekReplayTo(offsetMs: number): void {
  const seconds = Math.max(0, Math.round(offsetMs / 100) / 10);
  const oldURL = location.href;
  history.replaceState(history.state, '', `${location.pathname}${location.search}#t=${seconds}`);
  window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: location.href }));
}
