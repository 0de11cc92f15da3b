import type { CreatedInvite, Role } from '@hindsight/shared';
import { useState } from 'preact/hooks';
import { useSubmit } from '../auth/use-submit';
import { ROLE_LABELS, ROLE_OPTIONS } from '../format/labels';
import { useSignedIn } from '../session-context';
import { CopyButton } from '../ui/CopyButton';
import { Field } from '../ui/Field';
import { FormError } from '../ui/FormError';
import { AppChecklist } from './AppChecklist';

/** Invites someone: email, role, applications (viewers); answers a one-time link to send them. */
export function InviteForm({ onInvited }: { onInvited(): void }) {
  const { api, apps } = useSignedIn();
  const submit = useSubmit();
  const [role, setRole] = useState<Role>('viewer');
  const [appIds, setAppIds] = useState<string[]>([]);
  const [invite, setInvite] = useState<CreatedInvite | null>(null);
  return (
    <>
      <form
        class="form"
        aria-label="Invite someone"
        onSubmit={(event) => {
          event.preventDefault();
          const formElement = event.currentTarget;
          const email = String(new FormData(formElement).get('email') ?? '').trim();
          void submit.run(async () => {
            setInvite(
              await api.send<CreatedInvite>('POST', '/invites', {
                email,
                role,
                appIds: role === 'viewer' ? appIds : [],
              }),
            );
            formElement.reset();
            setAppIds([]);
            onInvited();
          });
        }}
      >
        <Field id="invite-email" label="Email" name="email" type="email" required />
        <div class="field">
          <label for="invite-role">Role</label>
          <select id="invite-role" value={role} onChange={(event) => setRole(event.currentTarget.value as Role)}>
            {ROLE_OPTIONS.map((option) => (
              <option key={option} value={option}>
                {ROLE_LABELS[option]}
              </option>
            ))}
          </select>
        </div>
        {role === 'viewer' && <AppChecklist idPrefix="invite-app" apps={apps} selected={appIds} onChange={setAppIds} />}
        <FormError error={submit.error} />
        <button type="submit" disabled={submit.busy}>
          {submit.busy ? 'Inviting…' : 'Create invitation link'}
        </button>
      </form>
      {invite && (
        <div class="notice" role="status">
          <p>
            Send this one-time link to <strong>{invite.email}</strong> (valid until{' '}
            {new Date(invite.expiresAt).toLocaleString()}):
          </p>
          <pre class="code">
            <code class="invite-url">{invite.url}</code>
          </pre>
          <CopyButton text={invite.url} label="Copy link" />
        </div>
      )}
    </>
  );
}
