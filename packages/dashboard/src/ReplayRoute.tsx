import { useEffect, useState } from 'preact/hooks';
import { ConversationPanel } from './conversation/ConversationPanel';
import { seekReplayTo } from './conversation/seek-replay';
import { loadReplayPage, type ReplayPageComponent } from './replay-route';
import { can, useSignedIn } from './session-context';
import { Empty, ErrorBanner, Loading } from './ui/states';

/** The lazy replay chunk's stylesheets are in index.html as `media="print"` (no render blocking); turn them on. */
function enableLazyStyles() {
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[data-lazy-style]')) link.media = 'all';
}

/**
 * `/sessions/:id`: loads the replay viewer chunk, then hands it the session id and the API client; below it, the
 * session's live conversation (with the operator's reply box).
 */
export function ReplayRoute({ sessionId }: { sessionId: string }) {
  const { api, me } = useSignedIn();
  // The live conversation (with the operator's reply box) goes into the viewer's side panel, where clicking a
  // message seeks the replay. Sessions with no replay (or a viewer that fails to load) still show it below.
  const conversation = (onSeek: (offsetMs: number) => void) => (
    <ConversationPanel sessionId={sessionId} api={api} canReply={can(me, 'conversations.reply')} onSeek={onSeek} />
  );
  const [Page, setPage] = useState<ReplayPageComponent | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!loadReplayPage) return;
    enableLazyStyles();
    setError(null);
    loadReplayPage().then(
      (component) => setPage(() => component),
      (caught) => setError(caught),
    );
  }, [attempt]);
  let viewer: preact.ComponentChild;
  if (!loadReplayPage) viewer = <Empty title="The replay viewer is not part of this build." />;
  else if (error) viewer = <ErrorBanner error={error} onRetry={() => setAttempt((value) => value + 1)} />;
  // Not the conversation yet: it mounts once, in the viewer's side panel, rather than flashing below this.
  else if (!Page) return <Loading label="Loading the replay viewer…" />;
  else return <Page sessionId={sessionId} api={api} renderConversation={conversation} />;
  return (
    <>
      {viewer}
      {conversation(seekReplayTo)}
    </>
  );
}
