import type { AppSummary } from '@hindsight/shared';
import { can, useSignedIn } from '../session-context';
import { useTitle } from '../use-title';
import { ApiTokensSection } from './ApiTokensSection';
import { AppSettingsSection } from './AppSettingsSection';
import { CreateAppForm } from './CreateAppForm';
import { ChatSection } from './chat/ChatSection';
import { SignInSessionsSection } from './SignInSessionsSection';
import { UsersSection } from './UsersSection';

/** `/apps/:appId/settings`: the application and its chat (apps.manage), your account, and the team (users.manage). */
export function SettingsPage({ app }: { app: AppSummary }) {
  const { me } = useSignedIn();
  useTitle('Settings', app.name);
  return (
    <>
      <div class="page-head">
        <h1>Settings</h1>
      </div>
      {can(me, 'apps.manage') && (
        <>
          <AppSettingsSection key={app.id} app={app} />
          <ChatSection key={`chat-${app.id}`} appId={app.id} />
          <section class="card" aria-labelledby="new-app-title">
            <h2 id="new-app-title">New application</h2>
            <CreateAppForm />
          </section>
        </>
      )}
      <SignInSessionsSection />
      <ApiTokensSection />
      {can(me, 'users.manage') && <UsersSection />}
    </>
  );
}
