import type { AppSummary } from '@hindsight/shared';
import { useState } from 'preact/hooks';
import { useSubmit } from '../auth/use-submit';
import { useSignedIn } from '../session-context';
import { Field } from '../ui/Field';
import { FormError } from '../ui/FormError';
import { parseOrigins } from './origins';
import { SnippetBox } from './SnippetBox';

const MAX_RETENTION_DAYS = 3_650;

/** Rename, allowed origins, retention; then the public key and the script tag to paste. */
export function AppSettingsSection({ app }: { app: AppSummary }) {
  const { api, reloadApps } = useSignedIn();
  const submit = useSubmit();
  const [saved, setSaved] = useState(false);
  return (
    <section class="card" aria-labelledby="app-title">
      <h2 id="app-title">Application</h2>
      <form
        class="form"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          setSaved(false);
          void submit.run(async () => {
            await api.send<AppSummary>('PATCH', `/apps/${encodeURIComponent(app.id)}`, {
              name: String(form.get('name') ?? '').trim(),
              allowedOrigins: parseOrigins(String(form.get('origins') ?? '')),
              retentionDays: Number(form.get('retention')),
            });
            await reloadApps();
            setSaved(true);
          });
        }}
      >
        <Field id="app-name" label="Name" name="name" defaultValue={app.name} required maxLength={100} />
        <div class="field">
          <label for="app-origins">Allowed origins</label>
          <textarea
            id="app-origins"
            name="origins"
            rows={3}
            defaultValue={app.allowedOrigins.join('\n')}
            placeholder="https://shop.example"
            aria-describedby="app-origins-hint"
            spellcheck={false}
          />
          <p class="field-hint" id="app-origins-hint">
            One per line. Batches from any other page origin are refused. Empty = any origin.
          </p>
        </div>
        <Field
          id="app-retention"
          label="Retention (days)"
          name="retention"
          type="number"
          min={1}
          max={MAX_RETENTION_DAYS}
          defaultValue={String(app.retentionDays)}
          hint="Older sessions are deleted by the hourly retention sweep."
          required
        />
        <FormError error={submit.error} />
        <div class="form-actions">
          <button type="submit" class="button-primary" disabled={submit.busy}>
            {submit.busy ? 'Saving…' : 'Save'}
          </button>
          <span role="status">{saved ? 'Saved.' : ''}</span>
        </div>
      </form>
      <SnippetBox app={app} />
    </section>
  );
}
