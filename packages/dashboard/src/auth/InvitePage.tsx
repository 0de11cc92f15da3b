import type { MeResponse, Role } from '@hindsight/shared';
import type { ApiClient } from '../api/api-client';
import { ROLE_LABELS } from '../format/labels';
import { Link } from '../router/Link';
import { useLocation } from '../router/use-location';
import { Field } from '../ui/Field';
import { ErrorBanner, Loading } from '../ui/states';
import { useAsync } from '../ui/use-async';
import { useTitle } from '../use-title';
import { AuthFormError, NewPasswordField } from './form-parts';
import { useSubmit } from './use-submit';

/** `/invite?token=`: someone was invited; they choose a name and password and are signed in. */
export function InvitePage({ api, onSignedIn }: { api: ApiClient; onSignedIn(me: MeResponse): Promise<void> }) {
  useTitle('Accept invitation');
  const token = useLocation().query.get('token') ?? '';
  const invite = useAsync(`invite:${token}`, () =>
    api.get<{ email: string; role: Role }>(`/invites/${encodeURIComponent(token)}`),
  );
  const submit = useSubmit();

  if (!token) return <ErrorBanner error={new Error('This invitation link is incomplete: open the whole link.')} />;
  if (invite.loading && !invite.data) return <Loading />;
  if (invite.error || !invite.data) {
    return (
      <section class="card">
        <h1>Invitation</h1>
        <ErrorBanner error={invite.error} />
        <p>
          Ask for a new invitation, or <Link href="/signin">sign in</Link> if you already have an account.
        </p>
      </section>
    );
  }
  return (
    <section class="card" aria-labelledby="invite-title">
      <h1 id="invite-title">Join Hindsight</h1>
      <p>
        You were invited as <strong>{ROLE_LABELS[invite.data.role] ?? invite.data.role}</strong> with{' '}
        <strong>{invite.data.email}</strong>.
      </p>
      <form
        class="form"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          void submit.run(async () => {
            const me = await api.send<MeResponse>('POST', `/invites/${encodeURIComponent(token)}/accept`, {
              name: String(form.get('name') ?? '').trim(),
              password: String(form.get('password') ?? ''),
            });
            await onSignedIn(me);
          });
        }}
      >
        <Field id="invite-name" label="Your name" name="name" autoComplete="name" required />
        <NewPasswordField id="invite-password" label="Choose a password" />
        <AuthFormError error={submit.error} />
        <button type="submit" class="button-primary" disabled={submit.busy}>
          {submit.busy ? 'Joining…' : 'Join'}
        </button>
      </form>
    </section>
  );
}
