import type { AppSummary, AppsResponse, MeResponse } from '@hindsight/shared';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createApiClient } from './api/api-client';
import { ApiError } from './api/api-error';
import { AuthRoutes } from './auth/AuthRoutes';
import { safeNext } from './auth/safe-next';
import { currentTarget, navigate } from './router/history';
import { matchRoute, PUBLIC_ROUTES } from './router/match-route';
import { useLocation } from './router/use-location';
import { SignedInShell } from './SignedInShell';
import { type SignedIn, SignedInContext } from './session-context';
import { ErrorBanner, Loading } from './ui/states';

type AuthState =
  | { kind: 'checking' }
  | { kind: 'signed-out' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'signed-in'; me: MeResponse; apps: AppSummary[] };

/** The dashboard: finds out who is signed in, then shows the sign-in pages or the signed-in shell. */
export function App() {
  const location = useLocation();
  const route = matchRoute(location.path);
  const [auth, setAuth] = useState<AuthState>({ kind: 'checking' });
  const [attempt, setAttempt] = useState(0);
  const onUnauthorized = useRef(() => {});
  onUnauthorized.current = () => setAuth({ kind: 'signed-out' });
  const api = useMemo(() => createApiClient({ onUnauthorized: () => onUnauthorized.current() }), []);

  async function signedIn(me: MeResponse) {
    api.setCsrfToken(me.csrfToken);
    const { apps } = await api.get<AppsResponse>('/apps');
    setAuth({ kind: 'signed-in', me, apps });
  }

  useEffect(() => {
    api.get<MeResponse>('/auth/me').then(signedIn, (error) => {
      if (error instanceof ApiError && error.status === 401) setAuth({ kind: 'signed-out' });
      else setAuth({ kind: 'failed', error });
    });
  }, [attempt]);

  // Signed out on a private page: go to sign-in, and come back here after.
  useEffect(() => {
    if (auth.kind === 'signed-out' && !PUBLIC_ROUTES.has(route.name)) {
      const back = currentTarget();
      navigate(back === '/' ? '/signin' : `/signin?next=${encodeURIComponent(back)}`, { replace: true });
    }
    if (auth.kind === 'signed-in' && route.name === 'signin') navigate(safeNext(location.query), { replace: true });
  }, [auth.kind, route.name, location.query]);

  if (auth.kind === 'checking') return <Loading />;
  if (auth.kind === 'failed') {
    return (
      <main class="page page-narrow" id="main">
        <h1>Hindsight</h1>
        <ErrorBanner error={auth.error} onRetry={() => setAttempt((value) => value + 1)} />
      </main>
    );
  }
  if (PUBLIC_ROUTES.has(route.name) && (auth.kind === 'signed-out' || route.name !== 'signin')) {
    // Setup and invitations end signed in as the new account: go to its dashboard (sign-in goes to `next`).
    const onSignedIn = async (me: MeResponse) => {
      await signedIn(me);
      if (route.name !== 'signin') navigate('/', { replace: true });
    };
    return <AuthRoutes route={route} api={api} onSignedIn={onSignedIn} />;
  }
  if (auth.kind === 'signed-out') return <Loading />;

  const context: SignedIn = {
    api,
    me: auth.me,
    apps: auth.apps,
    async reloadApps() {
      const { apps } = await api.get<AppsResponse>('/apps');
      setAuth((current) => (current.kind === 'signed-in' ? { ...current, apps } : current));
      return apps;
    },
    async signOut() {
      try {
        await api.send('POST', '/auth/logout');
      } catch (error) {
        // Already signed out on the server is as good as signed out.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
      api.setCsrfToken(null);
      setAuth({ kind: 'signed-out' });
      navigate('/signin', { replace: true });
    },
  };
  return (
    <SignedInContext.Provider value={context}>
      <SignedInShell route={route} />
    </SignedInContext.Provider>
  );
}
