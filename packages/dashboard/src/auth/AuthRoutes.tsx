import type { MeResponse } from '@hindsight/shared';
import type { ApiClient } from '../api/api-client';
import type { Route } from '../router/match-route';
import { InvitePage } from './InvitePage';
import { SetupPage } from './SetupPage';
import { SignInPage } from './SignInPage';

/** The pages reachable without signing in. `onSignedIn` receives the session the server just opened. */
export function AuthRoutes(props: { route: Route; api: ApiClient; onSignedIn(me: MeResponse): Promise<void> }) {
  return (
    <main class="page page-narrow" id="main">
      <p class="brand brand-large" aria-hidden="true">
        Hindsight
      </p>
      {props.route.name === 'setup' ? (
        <SetupPage api={props.api} onSignedIn={props.onSignedIn} />
      ) : props.route.name === 'invite' ? (
        <InvitePage api={props.api} onSignedIn={props.onSignedIn} />
      ) : (
        <SignInPage api={props.api} onSignedIn={props.onSignedIn} />
      )}
    </main>
  );
}
