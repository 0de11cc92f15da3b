import type { ResponderSettings } from '@hindsight/shared';
import { useSignedIn } from '../../session-context';
import { ErrorBanner, Loading } from '../../ui/states';
import { useAsync } from '../../ui/use-async';
import { KnowledgeSection } from './KnowledgeSection';
import { ResponderForm } from './ResponderForm';

/** Settings → Chat (apps.manage): who answers the application's visitors, and its knowledge base. */
export function ChatSection({ appId }: { appId: string }) {
  const { api } = useSignedIn();
  const responder = useAsync(`responder|${appId}`, (signal) =>
    api.get<ResponderSettings>(`/apps/${encodeURIComponent(appId)}/responder`, { signal }),
  );
  return (
    <section class="card" aria-labelledby="chat-title">
      <h2 id="chat-title">Chat</h2>
      {responder.error != null && <ErrorBanner error={responder.error} onRetry={responder.reload} />}
      {responder.data ? (
        <ResponderForm key={appId} appId={appId} settings={responder.data} />
      ) : (
        responder.error == null && <Loading label="Loading the responder…" />
      )}
      <KnowledgeSection appId={appId} />
    </section>
  );
}
