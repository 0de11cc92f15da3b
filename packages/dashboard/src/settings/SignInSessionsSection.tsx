import type { SignInSession } from '@hindsight/shared';
import { useState } from 'preact/hooks';
import { useSignedIn } from '../session-context';
import { FormError } from '../ui/FormError';
import { ErrorBanner, Loading } from '../ui/states';
import { TimeAgo } from '../ui/TimeAgo';
import { useAsync } from '../ui/use-async';

/** Where you are signed in; revoke any of them (revoking this browser signs you out). */
export function SignInSessionsSection() {
  const { api, signOut } = useSignedIn();
  const list = useAsync('sign-in-sessions', (signal) =>
    api.get<{ sessions: SignInSession[] }>('/auth/sessions', { signal }),
  );
  const [error, setError] = useState<unknown>(null);
  return (
    <section class="card" aria-labelledby="signins-title">
      <h2 id="signins-title">Your sign-in sessions</h2>
      {list.error != null && <ErrorBanner error={list.error} onRetry={list.reload} />}
      <FormError error={error} />
      {!list.data ? (
        list.error == null && <Loading />
      ) : (
        <ul class="list">
          {list.data.sessions.map((session) => (
            <li key={session.id} class="list-row">
              <div class="list-main">
                <span class="truncate" title={session.userAgent ?? undefined}>
                  {session.userAgent ?? 'Unknown browser'}
                </span>
                <span class="muted">
                  {session.address ?? 'unknown address'} · last seen <TimeAgo iso={session.lastSeenAt} /> · signed in{' '}
                  <TimeAgo iso={session.createdAt} />
                </span>
              </div>
              {session.current && <span class="badge badge-active">This browser</span>}
              <button
                type="button"
                class="button-small"
                onClick={async () => {
                  setError(null);
                  try {
                    await api.send('DELETE', `/auth/sessions/${encodeURIComponent(session.id)}`);
                    if (session.current) await signOut();
                    else list.reload();
                  } catch (caught) {
                    setError(caught);
                  }
                }}
              >
                {session.current ? 'Sign out here' : 'Revoke'}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
