import type { MeResponse, SetupStatusResponse } from '@hindsight/shared';
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import { Field } from '../ui/Field';
import { useTitle } from '../use-title';
import { AuthFormError } from './form-parts';
import { useSubmit } from './use-submit';

/** Email and password; the server's message on failure (wrong password, rate limited). */
export function SignInPage({ api, onSignedIn }: { api: ApiClient; onSignedIn(me: MeResponse): Promise<void> }) {
  useTitle('Sign in');
  const submit = useSubmit();
  const [needsSetup, setNeedsSetup] = useState(false);
  useEffect(() => {
    api.get<SetupStatusResponse>('/setup').then(
      (status) => setNeedsSetup(status.needsSetup),
      () => setNeedsSetup(false),
    );
  }, [api]);

  return (
    <section class="card" aria-labelledby="signin-title">
      <h1 id="signin-title">Sign in</h1>
      {needsSetup && (
        <p class="notice">
          This Hindsight has no owner yet. Open the one-time setup link printed in the server log (
          <code>/setup?token=…</code>).
        </p>
      )}
      <form
        class="form"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          void submit.run(async () => {
            const me = await api.send<MeResponse>('POST', '/auth/login', {
              email: String(form.get('email') ?? '').trim(),
              password: String(form.get('password') ?? ''),
            });
            await onSignedIn(me);
          });
        }}
      >
        <Field id="signin-email" label="Email" name="email" type="email" autoComplete="username" required />
        <Field
          id="signin-password"
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <AuthFormError error={submit.error} />
        <button type="submit" class="button-primary" disabled={submit.busy}>
          {submit.busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </section>
  );
}
