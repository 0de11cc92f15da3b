import type { AppSummary } from '@hindsight/shared';

const LAST_APP_KEY = 'hindsight.lastAppId';

/** Remembers the application last opened, so `/` and the replay page's header come back to it. */
export function rememberApp(appId: string): void {
  try {
    localStorage.setItem(LAST_APP_KEY, appId);
  } catch {
    // Storage may be disabled; the first application is a fine default.
  }
}

/** The remembered application if it is still visible, else the first one. */
export function preferredApp(apps: AppSummary[]): AppSummary | undefined {
  let last: string | null = null;
  try {
    last = localStorage.getItem(LAST_APP_KEY);
  } catch {
    last = null;
  }
  return apps.find((app) => app.id === last) ?? apps[0];
}
