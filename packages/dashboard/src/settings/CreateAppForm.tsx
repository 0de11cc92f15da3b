import type { AppSummary } from '@hindsight/shared';
import { useSubmit } from '../auth/use-submit';
import { navigate } from '../router/history';
import { appPath } from '../router/match-route';
import { useSignedIn } from '../session-context';
import { Field } from '../ui/Field';
import { FormError } from '../ui/FormError';
import { parseOrigins } from './origins';

/** Creates an application and opens its settings (where its script tag is). */
export function CreateAppForm() {
  const { api, reloadApps } = useSignedIn();
  const submit = useSubmit();
  return (
    <form
      class="form"
      aria-label="New application"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        void submit.run(async () => {
          const app = await api.send<AppSummary>('POST', '/apps', {
            name: String(form.get('name') ?? '').trim(),
            allowedOrigins: parseOrigins(String(form.get('origins') ?? '')),
          });
          await reloadApps();
          navigate(appPath(app.id, 'settings'));
        });
      }}
    >
      <Field id="new-app-name" label="Name" name="name" required maxLength={100} placeholder="My shop" />
      <Field
        id="new-app-origins"
        label="Allowed origins (optional)"
        name="origins"
        placeholder="https://shop.example"
        hint="Separate several with commas. Empty = any origin."
        spellcheck={false}
      />
      <FormError error={submit.error} />
      <button type="submit" class="button-primary" disabled={submit.busy}>
        {submit.busy ? 'Creating…' : 'Create application'}
      </button>
    </form>
  );
}
