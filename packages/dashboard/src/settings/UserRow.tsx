import type { Role, UserSummary } from '@hindsight/shared';
import { useState } from 'preact/hooks';
import { ROLE_LABELS, ROLE_OPTIONS } from '../format/labels';
import { useSignedIn } from '../session-context';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { FormError } from '../ui/FormError';
import { TimeAgo } from '../ui/TimeAgo';
import { AppChecklist } from './AppChecklist';

/** One team member: role and applications can be changed in place; removal asks first. */
export function UserRow({ user, onChanged }: { user: UserSummary; onChanged(): void }) {
  const { api, apps, me } = useSignedIn();
  const [editing, setEditing] = useState(false);
  const [role, setRole] = useState<Role>(user.role);
  const [appIds, setAppIds] = useState<string[]>(user.appIds);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [removing, setRemoving] = useState(false);
  const isMe = user.id === me.user.id;

  return (
    <li class="list-row list-row-wrap">
      <div class="list-main">
        <span>
          {user.name || user.email} {isMe && <span class="badge badge-muted">you</span>}
        </span>
        <span class="muted">
          {user.email} · {ROLE_LABELS[user.role] ?? user.role}
          {user.role === 'viewer' && ` · ${user.appIds.length} application${user.appIds.length === 1 ? '' : 's'}`} ·{' '}
          {user.lastSignInAt ? (
            <>
              signed in <TimeAgo iso={user.lastSignInAt} />
            </>
          ) : (
            'never signed in'
          )}
        </span>
      </div>
      {!isMe && (
        <div class="row-actions">
          <button type="button" class="button-small" aria-expanded={editing} onClick={() => setEditing(!editing)}>
            Change access
          </button>
          <button type="button" class="button-small button-danger" onClick={() => setRemoving(true)}>
            Remove
          </button>
        </div>
      )}
      {editing && (
        <form
          class="form user-edit"
          aria-label={`Access of ${user.email}`}
          onSubmit={async (event) => {
            event.preventDefault();
            setBusy(true);
            setError(null);
            try {
              await api.send('PATCH', `/users/${encodeURIComponent(user.id)}`, {
                role,
                appIds: role === 'viewer' ? appIds : [],
              });
              setEditing(false);
              onChanged();
            } catch (caught) {
              setError(caught);
            } finally {
              setBusy(false);
            }
          }}
        >
          <div class="field">
            <label for={`role-${user.id}`}>Role</label>
            <select
              id={`role-${user.id}`}
              value={role}
              onChange={(event) => setRole(event.currentTarget.value as Role)}
            >
              {ROLE_OPTIONS.map((option) => (
                <option key={option} value={option}>
                  {ROLE_LABELS[option]}
                </option>
              ))}
            </select>
          </div>
          {role === 'viewer' && (
            <AppChecklist idPrefix={`user-${user.id}`} apps={apps} selected={appIds} onChange={setAppIds} />
          )}
          <FormError error={error} />
          <button type="submit" class="button-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
        </form>
      )}
      {removing && (
        <ConfirmDialog
          title={`Remove ${user.email}?`}
          confirmLabel="Remove"
          danger
          onClose={() => setRemoving(false)}
          onConfirm={async () => {
            await api.send('DELETE', `/users/${encodeURIComponent(user.id)}`);
            onChanged();
          }}
        >
          <p>They are signed out everywhere and their API tokens stop working.</p>
        </ConfirmDialog>
      )}
    </li>
  );
}
