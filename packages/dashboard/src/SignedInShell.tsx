import { useEffect } from 'preact/hooks';
import { ActivityPage } from './activity/ActivityPage';
import { AuditPage } from './audit/AuditPage';
import { preferredApp, rememberApp } from './last-app';
import { Header } from './layout/Header';
import { NoAppsPage } from './layout/NoAppsPage';
import { ReplayRoute } from './ReplayRoute';
import { navigate } from './router/history';
import { Link } from './router/Link';
import { appPath, type Route } from './router/match-route';
import { can, useSignedIn } from './session-context';
import { SessionsPage } from './sessions/SessionsPage';
import { SettingsPage } from './settings/SettingsPage';
import { Empty, Loading } from './ui/states';

/** Header plus the page the route names, for a signed-in user. */
export function SignedInShell({ route }: { route: Route }) {
  const { me, apps } = useSignedIn();
  const routeAppId = 'appId' in route ? route.appId : null;
  const knownApp = routeAppId ? apps.find((app) => app.id === routeAppId) : undefined;
  const appId = knownApp?.id ?? preferredApp(apps)?.id ?? null;

  useEffect(() => {
    if (knownApp) rememberApp(knownApp.id);
  }, [knownApp]);

  // `/` opens the remembered (or first) application's sessions.
  useEffect(() => {
    if (route.name === 'home' && appId) {
      navigate(appPath(appId, can(me, 'sessions.view') ? 'sessions' : 'settings'), { replace: true });
    }
  }, [route.name, appId, me]);

  let page: preact.ComponentChild;
  if (routeAppId && !knownApp) {
    page = (
      <Empty title="This application does not exist or is not shared with you.">
        <Link href="/">Go to your applications</Link>
      </Empty>
    );
  } else if (route.name === 'home') {
    page = appId ? <Loading /> : <NoAppsPage />;
  } else if (route.name === 'sessions' && knownApp) {
    page = can(me, 'sessions.view') ? <SessionsPage app={knownApp} /> : <Forbidden />;
  } else if (route.name === 'activity' && knownApp) {
    page = can(me, 'sessions.view') ? <ActivityPage app={knownApp} /> : <Forbidden />;
  } else if (route.name === 'settings' && knownApp) {
    page = <SettingsPage app={knownApp} />;
  } else if (route.name === 'audit') {
    page = can(me, 'audit.view') ? <AuditPage /> : <Forbidden />;
  } else if (route.name === 'replay') {
    page = <ReplayRoute sessionId={route.sessionId} />;
  } else {
    page = (
      <Empty title="There is no page at this address.">
        <Link href="/">Go to the dashboard</Link>
      </Empty>
    );
  }

  return (
    <>
      <Header route={route} appId={appId} />
      <main class="page" id="main" tabIndex={-1}>
        {page}
      </main>
    </>
  );
}

function Forbidden() {
  return <Empty title="Your role does not allow this page.">Ask an owner or admin of this Hindsight.</Empty>;
}
