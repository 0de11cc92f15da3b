/** Every page of the dashboard, as the URL names it. */
export type Route =
  | { name: 'home' }
  | { name: 'signin' }
  | { name: 'setup' }
  | { name: 'invite' }
  | { name: 'sessions'; appId: string }
  | { name: 'activity'; appId: string }
  | { name: 'settings'; appId: string }
  | { name: 'audit' }
  | { name: 'replay'; sessionId: string }
  | { name: 'not-found' };

export type AppSection = 'sessions' | 'activity' | 'settings';

/** Pages anyone may open without signing in. */
export const PUBLIC_ROUTES: ReadonlySet<Route['name']> = new Set(['signin', 'setup', 'invite']);

/** The route a path names (query and hash are read by each page). */
export function matchRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean).map(decodePart);
  if (parts.includes(null)) return { name: 'not-found' };
  const [first, second, third, ...rest] = parts as string[];
  if (parts.length === 0) return { name: 'home' };
  if (parts.length === 1 && (first === 'signin' || first === 'setup' || first === 'invite' || first === 'audit')) {
    return { name: first };
  }
  if (first === 'sessions' && second && parts.length === 2) return { name: 'replay', sessionId: second };
  if (first === 'apps' && second && rest.length === 0) {
    if (third === undefined || third === 'sessions') return { name: 'sessions', appId: second };
    if (third === 'activity' || third === 'settings') return { name: third, appId: second };
  }
  return { name: 'not-found' };
}

function decodePart(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** The path of an application's page. */
export function appPath(appId: string, section: AppSection): string {
  return `/apps/${encodeURIComponent(appId)}/${section}`;
}

/** The replay page of a session, optionally at a moment (`#t=<seconds>`). */
export function replayPath(sessionId: string, seconds?: number): string {
  const base = `/sessions/${encodeURIComponent(sessionId)}`;
  return seconds === undefined ? base : `${base}#t=${Math.max(0, Math.round(seconds * 10) / 10)}`;
}
