import type { SessionDetailResponse } from '@hindsight/shared';
import { useEffect, useMemo, useState } from 'preact/hooks';
import 'rrweb-player/dist/style.css';
import { NoReplay } from './NoReplay';
import { ReplayViewer, type ReplayViewerProps } from './ReplayViewer';
import { createServerSource } from './recording-source';
import { type ReplayApi, sessionDetailPath } from './replay-api';
import { useReplayStyles } from './replay-styles';

/** `/sessions/:id`: fetches the session's metadata, then streams its chunks into the viewer. */
export function ReplayPage({
  sessionId,
  api,
  onDebug,
  renderConversation,
}: {
  sessionId: string;
  api: ReplayApi;
  onDebug?: ReplayViewerProps['onDebug'];
  renderConversation?: ReplayViewerProps['renderConversation'];
}) {
  useReplayStyles();
  const [detail, setDetail] = useState<SessionDetailResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const abort = new AbortController();
    setDetail(null);
    setError(null);
    api.get<SessionDetailResponse>(sessionDetailPath(sessionId), { signal: abort.signal }).then(setDetail, (caught) => {
      if (!abort.signal.aborted) setError(caught);
    });
    return () => abort.abort();
  }, [api, sessionId]);
  const source = useMemo(() => createServerSource(api, sessionId), [api, sessionId]);

  // Without a replay (nothing recorded, e.g. Global Privacy Control) the conversation still shows, unseekable.
  const conversationOnly = renderConversation?.(() => undefined);
  if (error) {
    return (
      <>
        <div class="hs-replay hs-replay--empty" role="alert">
          <p>The recording could not be loaded: {error instanceof Error ? error.message : String(error)}</p>
        </div>
        {conversationOnly}
      </>
    );
  }
  if (!detail) return <div class="hs-replay hs-replay--empty">Loading the session…</div>;
  if (!detail.session.replayable || detail.chunks.length === 0) {
    return (
      <>
        <NoReplay session={detail.session} />
        {conversationOnly}
      </>
    );
  }
  return (
    <ReplayViewer
      session={detail.session}
      messages={detail.messages}
      source={source}
      onDebug={onDebug}
      renderConversation={renderConversation}
    />
  );
}
