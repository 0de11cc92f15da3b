import type { MeResponse, SetupStatusResponse } from '@hindsight/shared';
import type { ApiClient } from '../api/api-client';
import { Link } from '../router/Link';
import { useLocation } from '../router/use-location';
import { Field } from '../ui/Field';
import { ErrorBanner, Loading } from '../ui/states';
import { useAsync } from '../ui/use-async';
import { useTitle } from '../use-title';
import { AuthFormError, NewPasswordField } from './form-parts';
import { useSubmit } from './use-submit';

/** `/setup?token=`: creates the first owner with the one-time link from the server log. */
export function SetupPage({ api, onSignedIn }: { api: ApiClient; onSignedIn(me: MeResponse): Promise<void> }) {
  useTitle('Set up');
  const token = useLocation().query.get('token') ?? '';
  const status = useAsync('setup', () => api.get<SetupStatusResponse>('/setup'));
  const submit = useSubmit();

  if (status.loading && !status.data) return <Loading />;
  if (status.error) return <ErrorBanner error={status.error} onRetry={status.reload} />;
  if (!status.data?.needsSetup) {
    return (
      <section class="card">
        <h1>Already set up</h1>
        <p>
          This Hindsight has an owner. <Link href="/signin">Sign in</Link>
        </p>
      </section>
    );
  }
  return (
    <section class="card" aria-labelledby="setup-title">
      <h1 id="setup-title">Create the owner account</h1>
      {!token && <p class="form-error">This page needs the one-time link printed in the server log.</p>}
      <form
        class="form"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          void submit.run(async () => {
            const me = await api.send<MeResponse>('POST', '/setup', {
              token,
              email: String(form.get('email') ?? '').trim(),
              name: String(form.get('name') ?? '').trim(),
              password: String(form.get('password') ?? ''),
            });
            await onSignedIn(me);
          });
        }}
      >
        <Field id="setup-name" label="Your name" name="name" autoComplete="name" required />
        <Field id="setup-email" label="Email" name="email" type="email" autoComplete="username" required />
        <NewPasswordField id="setup-password" label="Password" />
        <AuthFormError error={submit.error} />
        <button type="submit" class="button-primary" disabled={submit.busy || !token}>
          {submit.busy ? 'Creating…' : 'Create account'}
        </button>
      </form>
    </section>
  );
}
