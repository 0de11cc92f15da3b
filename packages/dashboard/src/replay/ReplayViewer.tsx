import type { RecordedMessage } from '@hindsight/shared';
import type { ComponentChild } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Controls } from './Controls';
import { parseTimeHash } from './deep-link';
import { stepTarget } from './event-groups';
import { HelpOverlay } from './HelpOverlay';
import { shortcutFor } from './keyboard-shortcuts';
import { NoReplay } from './NoReplay';
import type { RecordingSource, SessionDetail } from './recording-source';
import type { Speed } from './replay-controller';
import { useReplayStyles } from './replay-styles';
import { SidePanel } from './SidePanel';
import { Timeline } from './Timeline';
import { useReplay } from './use-replay';

export interface ReplayViewerProps {
  session: SessionDetail;
  messages: readonly RecordedMessage[];
  source: RecordingSource;
  /** The live conversation for the side panel (see SidePanel). */
  renderConversation?: (onSeek: (offsetMs: number) => void) => ComponentChild;
  /** Exposes the viewer's state for tests and benchmarks (first frame time, controller). */
  onDebug?: (debug: { firstFrameAt: number | null; status: string; controller: unknown }) => void;
}

/**
 * The replay viewer: rrweb-player in its sandboxed iframe, our own controls and timeline, the conversation,
 * pages and metadata beside it (below it on narrow screens), keyboard shortcuts, fullscreen, `#t=` deep links.
 */
export function ReplayViewer({ session, messages, source, onDebug, renderConversation }: ReplayViewerProps) {
  useReplayStyles();
  const root = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const [sessionStatus, setSessionStatus] = useState(session.status);
  const [live, setLive] = useState(false);
  const [speed, setSpeed] = useState<Speed>(1);
  const [skipInactive, setSkipInactive] = useState(true);
  const [help, setHelp] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const replay = useReplay({
    source,
    stage,
    messages,
    live: live && sessionStatus === 'active',
    onStatusChange: (status) => {
      if (status === 'active' || status === 'completed') setSessionStatus(status);
    },
  });
  const { playback, status } = replay;
  const controller = replay.controller.current;
  const start = playback.ready ? playback.startTimestamp : (session.firstTimestamp ?? 0);
  const recordedMs =
    session.firstTimestamp !== null && session.lastTimestamp !== null
      ? session.lastTimestamp - session.firstTimestamp
      : 0;
  const durationMs = Math.max(playback.totalMs, recordedMs);

  onDebug?.({ firstFrameAt: replay.firstFrameAt, status, controller });

  // Deep links: `#t=seconds` on load and on every hashchange, applied once that moment has been loaded. The
  // hash is read on each render too: inside the SPA its router re-renders on hashchange.
  const pendingSeek = useRef<number | null>(parseTimeHash(location.hash));
  const seenHash = useRef(location.hash);
  const applyPendingSeek = () => {
    const target = pendingSeek.current;
    const c = replay.controller.current;
    if (target === null || !c?.ready) return;
    const { totalMs } = c.state();
    if (totalMs < target && replay.status === 'loading') return;
    pendingSeek.current = null;
    c.seek(target, false);
  };
  const readHash = () => {
    if (location.hash === seenHash.current) return;
    seenHash.current = location.hash;
    pendingSeek.current = parseTimeHash(location.hash);
    applyPendingSeek();
  };
  useEffect(() => {
    window.addEventListener('hashchange', readHash);
    return () => window.removeEventListener('hashchange', readHash);
  });
  useEffect(readHash);
  useEffect(applyPendingSeek, [playback.totalMs, playback.ready, status]);

  const seek = (offsetMs: number) => controller?.seek(offsetMs);
  const step = (direction: 1 | -1) => {
    const target = stepTarget(replay.groups, start + playback.currentMs, direction);
    if (target !== null) seek(target - start);
  };
  const toggleFullscreen = () => {
    const element = root.current;
    if (!element) return;
    if (document.fullscreenElement) {
      void document.exitFullscreen();
      return;
    }
    if (expanded) {
      setExpanded(false);
      return;
    }
    // The Fullscreen API when the browser grants it; otherwise the viewer fills the window.
    setExpanded(true);
    element.requestFullscreen?.().catch(() => {});
  };
  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement) setExpanded(false);
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const action = shortcutFor({
        key: event.key,
        shiftKey: event.shiftKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        targetTag: target?.tagName,
      });
      if (!action) return;
      // Space on a focused button would also click it: the shortcut wins.
      event.preventDefault();
      const c = replay.controller.current;
      const now = c?.state();
      switch (action.type) {
        case 'toggle-play':
          c?.toggle();
          break;
        case 'seek-by':
          if (now) c?.seek(now.currentMs + action.ms);
          break;
        case 'seek-start':
          c?.seek(0);
          break;
        case 'seek-end':
          if (now) c?.seek(now.totalMs);
          break;
        case 'step':
          step(action.direction);
          break;
        case 'fullscreen':
          toggleFullscreen();
          break;
        case 'help':
          setHelp((value) => !value);
          break;
        case 'close':
          setHelp(false);
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (status === 'no-replay') return <NoReplay session={session} />;

  return (
    <div
      ref={root}
      class={`hs-replay${expanded ? ' hs-replay--expanded' : ''}`}
      data-testid="replay-viewer"
      data-status={status}
      // The replayer's clock (to 0.1 s) and speed, for tests and for anyone inspecting the page.
      data-current-ms={Math.round(playback.currentMs / 100) * 100}
      data-total-ms={playback.totalMs}
      data-playing={String(playback.playing)}
      data-speed={speed}
    >
      <div class="hs-replay__main">
        <div class="hs-replay__stage" ref={stage} data-testid="replay-stage">
          {!playback.ready && (
            <div class="hs-replay__overlay">
              {status === 'error' ? 'The recording could not be loaded.' : 'Loading the recording…'}
            </div>
          )}
          {help && <HelpOverlay onClose={() => setHelp(false)} />}
        </div>
        <Timeline
          currentMs={playback.currentMs}
          durationMs={durationMs}
          loadedMs={playback.totalMs}
          startTimestamp={start}
          markers={replay.markers}
          onSeek={seek}
        />
        <Controls
          ready={playback.ready}
          playing={playback.playing}
          currentMs={playback.currentMs}
          durationMs={durationMs}
          speed={speed}
          skipInactive={skipInactive}
          live={sessionStatus === 'active' && source.poll ? live : null}
          expanded={expanded}
          onToggle={() => controller?.toggle()}
          onStep={step}
          onSpeed={(value) => {
            setSpeed(value);
            controller?.setSpeed(value);
          }}
          onSkipInactive={(value) => {
            setSkipInactive(value);
            controller?.setSkipInactive(value);
          }}
          onLive={setLive}
          onFullscreen={toggleFullscreen}
          onHelp={() => setHelp((value) => !value)}
        />
      </div>
      <SidePanel
        session={session}
        messages={messages}
        pages={replay.pages}
        startTimestamp={start}
        currentMs={playback.currentMs}
        onSeek={seek}
        renderConversation={renderConversation}
      />
    </div>
  );
}
