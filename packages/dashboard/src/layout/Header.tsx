import { useState } from 'preact/hooks';
import { Link } from '../router/Link';
import { type AppSection, appPath, type Route } from '../router/match-route';
import { can, useSignedIn } from '../session-context';
import { AppSwitcher } from './AppSwitcher';

interface NavItem {
  key: string;
  label: string;
  href: string;
}

/** The bar on every signed-in page: product, application switcher, the sections this user may open, sign out. */
export function Header({ route, appId }: { route: Route; appId: string | null }) {
  const { me, apps, signOut } = useSignedIn();
  const [signingOut, setSigningOut] = useState(false);
  const [signOutFailed, setSignOutFailed] = useState(false);
  const items: NavItem[] = [];
  if (appId && can(me, 'sessions.view')) {
    items.push({ key: 'sessions', label: 'Sessions', href: appPath(appId, 'sessions') });
    items.push({ key: 'activity', label: 'Activity', href: appPath(appId, 'activity') });
  }
  // Settings holds everyone's own account (sign-in sessions, API tokens), so every user gets it.
  if (appId) items.push({ key: 'settings', label: 'Settings', href: appPath(appId, 'settings') });
  if (can(me, 'audit.view')) items.push({ key: 'audit', label: 'Access log', href: '/audit' });
  const section: AppSection = route.name === 'activity' || route.name === 'settings' ? route.name : 'sessions';

  return (
    <header class="header">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <Link href="/" class="brand">
        Hindsight
      </Link>
      {appId && <AppSwitcher apps={apps} currentId={appId} section={section} />}
      <nav class="nav" aria-label="Main">
        {items.map((item) => (
          <Link
            key={item.key}
            href={item.href}
            class="nav-link"
            aria-current={route.name === item.key ? 'page' : undefined}
          >
            {item.label}
          </Link>
        ))}
      </nav>
      <div class="account">
        <span class="account-name" title={me.user.email}>
          {me.user.name || me.user.email}
        </span>
        <button
          type="button"
          class="button-small"
          disabled={signingOut}
          onClick={async () => {
            setSigningOut(true);
            setSignOutFailed(false);
            try {
              await signOut();
            } catch {
              setSignOutFailed(true);
            } finally {
              setSigningOut(false);
            }
          }}
        >
          Sign out
        </button>
        {signOutFailed && (
          <span class="form-error" role="alert">
            Could not sign out. Try again.
          </span>
        )}
      </div>
    </header>
  );
}
