import type { AppSummary } from '@hindsight/shared';
import { navigate } from '../router/history';
import { type AppSection, appPath } from '../router/match-route';

/** The application picker: switching keeps the section (Sessions stays Sessions) and drops its filters. */
export function AppSwitcher({
  apps,
  currentId,
  section,
}: {
  apps: AppSummary[];
  currentId: string;
  section: AppSection;
}) {
  if (apps.length === 0) return null;
  return (
    <label class="app-switcher">
      <select
        value={currentId}
        onChange={(event) => navigate(appPath(event.currentTarget.value, section))}
        aria-label="Application"
      >
        {apps.map((app) => (
          <option key={app.id} value={app.id}>
            {app.name}
          </option>
        ))}
      </select>
    </label>
  );
}
