import type { AppSummary, AuditAction, UserSummary } from '@hindsight/shared';
import { navigate } from '../router/history';
import { AUDIT_ACTION_LABELS, AUDIT_ACTION_OPTIONS } from './audit-labels';

export interface AuditFilterValues {
  action: string;
  userId: string;
  appId: string;
}

/** Three selects; each change rewrites the URL (`/audit?action=&userId=&appId=`), which reloads the table. */
export function AuditFilters(props: {
  values: AuditFilterValues;
  apps: AppSummary[];
  users: UserSummary[] | undefined;
  hrefFor(values: AuditFilterValues): string;
}) {
  const change = (key: keyof AuditFilterValues, value: string) =>
    navigate(props.hrefFor({ ...props.values, [key]: value }), { replace: true });
  return (
    <fieldset class="filters">
      <legend class="visually-hidden">Filter the access log</legend>
      <label class="field-inline">
        Action
        <select value={props.values.action} onChange={(event) => change('action', event.currentTarget.value)}>
          <option value="">Any action</option>
          {AUDIT_ACTION_OPTIONS.map((action: AuditAction) => (
            <option key={action} value={action}>
              {AUDIT_ACTION_LABELS[action]}
            </option>
          ))}
        </select>
      </label>
      {props.users && (
        <label class="field-inline">
          User
          <select value={props.values.userId} onChange={(event) => change('userId', event.currentTarget.value)}>
            <option value="">Anyone</option>
            {props.users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.email}
              </option>
            ))}
          </select>
        </label>
      )}
      <label class="field-inline">
        Application
        <select value={props.values.appId} onChange={(event) => change('appId', event.currentTarget.value)}>
          <option value="">Any application</option>
          {props.apps.map((app) => (
            <option key={app.id} value={app.id}>
              {app.name}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
