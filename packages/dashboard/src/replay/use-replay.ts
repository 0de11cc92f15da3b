import type { RecordedMessage } from '@hindsight/shared';
import type { RefObject } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { groupStarts } from './event-groups';
import { pagesFromEvents, type ViewerPage } from './page-visits';
import type { RecordingSource } from './recording-source';
import { createReplayController, type PlaybackState, type ReplayController } from './replay-controller';
import { EVENT_TYPE, INCREMENTAL_SOURCE, type RecordedBatch, type RRwebEvent } from './rrweb-events';
import { markersFromEvents, mergeMarkers, messageMarkers, type TimelineMarker } from './timeline-markers';

/** How often newly found markers and pages are handed to the UI while chunks stream in. */
const FOUND_FLUSH_MS = 300;
/** How often a live session asks for new chunks. */
export const LIVE_POLL_MS = 2_000;

export type LoadStatus = 'loading' | 'complete' | 'no-replay' | 'error';

interface Found {
  markers: TimelineMarker[];
  pages: ViewerPage[];
  /** Times of user actions (clicks, inputs, navigations) for previous / next event group. */
  actionTimes: number[];
}

const isInput = (event: RRwebEvent) =>
  event.type === EVENT_TYPE.IncrementalSnapshot &&
  (event.data as { source?: number }).source === INCREMENTAL_SOURCE.Input;

/**
 * Runs one recording in a replay controller: streams its events in, collects markers and pages as they
 * arrive, follows new chunks while `live`, and exposes the playback state once per animation frame.
 */
export function useReplay(options: {
  source: RecordingSource;
  stage: RefObject<HTMLElement | null>;
  messages: readonly RecordedMessage[];
  live: boolean;
  onStatusChange?: (status: string) => void;
}) {
  const { source, stage, messages, live } = options;
  const controllerRef = useRef<ReplayController | null>(null);
  const [status, setStatus] = useState<LoadStatus>('loading');
  const [error, setError] = useState<unknown>(null);
  const [playback, setPlayback] = useState<PlaybackState>({
    ready: false,
    playing: false,
    currentMs: 0,
    totalMs: 0,
    startTimestamp: 0,
  });
  const [found, setFound] = useState<Found>({ markers: [], pages: [], actionTimes: [] });
  const [firstFrameAt, setFirstFrameAt] = useState<number | null>(null);
  const onStatusChange = useRef(options.onStatusChange);
  onStatusChange.current = options.onStatusChange;

  // What batches reveal (markers, pages, action times) is gathered here and handed to Preact at most every
  // FOUND_FLUSH_MS: re-rendering the timeline per chunk would cost more than the loading itself.
  const pendingFound = useRef<Found>({ markers: [], pages: [], actionTimes: [] });
  const flushTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flushedOnce = useRef(false);
  const flushFound = () => {
    flushTimer.current = null;
    flushedOnce.current = true;
    const pending = pendingFound.current;
    pendingFound.current = { markers: [], pages: [], actionTimes: [] };
    setFound((previous) => ({
      markers: mergeMarkers(previous.markers, pending.markers),
      pages: [...previous.pages, ...pending.pages],
      actionTimes: mergeSorted(previous.actionTimes, pending.actionTimes),
    }));
  };

  const absorb = (batch: RecordedBatch) => {
    const controller = controllerRef.current;
    if (!controller) return;
    const events = batch.events;
    controller.addEvents(events);
    const markers = markersFromEvents(events);
    const pages = pagesFromEvents(events);
    const actions = events.filter(isInput).map((event) => event.timestamp);
    if (markers.length === 0 && pages.length === 0 && actions.length === 0) return;
    const pending = pendingFound.current;
    pending.markers = mergeMarkers(pending.markers, markers);
    pending.pages.push(...pages);
    pending.actionTimes = mergeSorted(
      pending.actionTimes,
      mergeSorted(
        actions,
        markers.map((m) => m.timestamp),
      ),
    );
    // The first findings show at once; later ones in batches.
    if (flushTimer.current === null)
      flushTimer.current = setTimeout(flushFound, flushedOnce.current ? FOUND_FLUSH_MS : 0);
  };

  useEffect(() => {
    const element = stage.current!;
    const controller = createReplayController(element, {
      width: element.clientWidth || 640,
      height: element.clientHeight || 360,
      onFirstFrame: () => setFirstFrameAt(performance.now()),
    });
    controllerRef.current = controller;
    const abort = new AbortController();
    source.load(absorb, abort.signal).then(
      () => {
        controller.loaded();
        setStatus(controller.ready ? 'complete' : 'no-replay');
      },
      (caught) => {
        if (abort.signal.aborted) return;
        setError(caught);
        setStatus(controller.ready ? 'complete' : 'error');
      },
    );
    let frame = 0;
    let last = '';
    const tick = () => {
      const state = controller.state();
      // Re-render only when something visible changed (the clock shows tenths at most).
      const key = `${state.ready}|${state.playing}|${Math.round(state.currentMs / 100)}|${state.totalMs}`;
      if (key !== last) {
        last = key;
        setPlayback(state);
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    const resize = new ResizeObserver(() => controller.resize(element.clientWidth, element.clientHeight));
    resize.observe(element);
    return () => {
      abort.abort();
      if (flushTimer.current !== null) clearTimeout(flushTimer.current);
      cancelAnimationFrame(frame);
      resize.disconnect();
      controller.destroy();
      controllerRef.current = null;
    };
  }, [source]);

  // Live: ask for new chunks every LIVE_POLL_MS and keep playing at the recording's edge.
  useEffect(() => {
    if (!live || !source.poll || status === 'loading') return;
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const controller = controllerRef.current;
      if (!controller) return;
      const edge = controller.state().totalMs;
      try {
        const { status: sessionStatus } = await source.poll!(absorb, abort.signal);
        if (abort.signal.aborted) return;
        const state = controller.state();
        // New events: play them from where the previous edge was (rrweb replays them in real time).
        if (state.totalMs > edge && !state.playing) controller.seek(Math.max(edge, state.currentMs), true);
        if (sessionStatus) onStatusChange.current?.(sessionStatus);
      } catch {
        if (abort.signal.aborted) return;
      }
      timer = setTimeout(poll, LIVE_POLL_MS);
    };
    const controller = controllerRef.current;
    if (controller?.ready) controller.seek(controller.state().totalMs, true);
    timer = setTimeout(poll, 0);
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [live, source, status]);

  const allMarkers = useMemo(() => mergeMarkers(found.markers, messageMarkers(messages)), [found.markers, messages]);
  const groups = useMemo(
    () =>
      groupStarts(
        mergeSorted(
          found.actionTimes,
          messages.map((m) => m.timestamp),
        ),
      ),
    [found.actionTimes, messages],
  );

  return {
    controller: controllerRef,
    status,
    error,
    playback,
    markers: allMarkers,
    pages: found.pages,
    groups,
    firstFrameAt,
  };
}

/** Merges two ascending lists of numbers. */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  if (b.length === 0) return a as number[];
  if (a.length === 0 || a[a.length - 1]! <= b[0]!) return [...a, ...b];
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!);
  return out;
}
