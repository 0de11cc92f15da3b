import type { ApiTokenSummary, CreatedApiToken } from '@hindsight/shared';
import { useState } from 'preact/hooks';
import { useSubmit } from '../auth/use-submit';
import { useSignedIn } from '../session-context';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { CopyButton } from '../ui/CopyButton';
import { Field } from '../ui/Field';
import { FormError } from '../ui/FormError';
import { Empty, ErrorBanner, Loading } from '../ui/states';
import { TimeAgo } from '../ui/TimeAgo';
import { useAsync } from '../ui/use-async';

/** Personal API tokens for scripts (`Authorization: Bearer hs_…`): create (shown once), list, revoke. */
export function ApiTokensSection() {
  const { api } = useSignedIn();
  const list = useAsync('tokens', (signal) => api.get<{ tokens: ApiTokenSummary[] }>('/tokens', { signal }));
  const submit = useSubmit();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiTokenSummary | null>(null);
  return (
    <section class="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens</h2>
      <p class="muted">A token acts as you, with your role, from scripts. It is shown once, when created.</p>
      <form
        class="form form-inline"
        onSubmit={(event) => {
          event.preventDefault();
          const formElement = event.currentTarget;
          const name = String(new FormData(formElement).get('name') ?? '').trim();
          void submit.run(async () => {
            setCreated(await api.send<CreatedApiToken>('POST', '/tokens', { name }));
            formElement.reset();
            list.reload();
          });
        }}
      >
        <Field id="token-name" label="Token name" name="name" required maxLength={100} placeholder="CI export" />
        <button type="submit" disabled={submit.busy}>
          {submit.busy ? 'Creating…' : 'Create token'}
        </button>
      </form>
      <FormError error={submit.error} />
      {created && (
        <div class="notice" role="status">
          <p>
            New token <strong>{created.name}</strong>. Copy it now: it will not be shown again.
          </p>
          <pre class="code">
            <code class="created-token">{created.token}</code>
          </pre>
          <CopyButton text={created.token} label="Copy token" />{' '}
          <button type="button" class="button-small" onClick={() => setCreated(null)}>
            Done
          </button>
        </div>
      )}
      {list.error != null && <ErrorBanner error={list.error} onRetry={list.reload} />}
      {!list.data ? (
        list.error == null && <Loading />
      ) : list.data.tokens.length === 0 ? (
        <Empty title="No tokens." />
      ) : (
        <ul class="list">
          {list.data.tokens.map((token) => (
            <li key={token.id} class="list-row">
              <div class="list-main">
                <span>
                  {token.name} <code>{token.prefix}…</code>
                </span>
                <span class="muted">
                  created <TimeAgo iso={token.createdAt} /> ·{' '}
                  {token.lastUsedAt ? (
                    <>
                      last used <TimeAgo iso={token.lastUsedAt} />
                    </>
                  ) : (
                    'never used'
                  )}
                </span>
              </div>
              <button type="button" class="button-small" onClick={() => setRevoking(token)}>
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
      {revoking && (
        <ConfirmDialog
          title={`Revoke the token “${revoking.name}”?`}
          confirmLabel="Revoke"
          danger
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            await api.send('DELETE', `/tokens/${encodeURIComponent(revoking.id)}`);
            list.reload();
          }}
        >
          <p>Scripts using it stop working at once.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
