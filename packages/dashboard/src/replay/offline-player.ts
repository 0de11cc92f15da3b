import type { RecordedMessage } from '@hindsight/shared';
import { h, render } from 'preact';
import { NoReplay } from './NoReplay';
import { ReplayViewer } from './ReplayViewer';
import { createStaticSource, type SessionDetail } from './recording-source';
import { adoptReplayStyles } from './replay-styles';
import { hasFullSnapshot, type RRwebEvent } from './rrweb-events';

/** The downloaded recording, as the server inlines it into the offline HTML file. */
export interface OfflineRecording {
  session: SessionDetail;
  messages: RecordedMessage[];
  events: RRwebEvent[];
}

/**
 * Entry of the offline player (built as an IIFE, inlined into the downloadable HTML file with rrweb-player's
 * styles): reads `<script type="application/json" id="hindsight-recording">` and mounts the viewer into
 * `#hindsight-player`. Imports nothing from the SPA and needs no server.
 */
export function mountOfflinePlayer(doc: Document = document): void {
  const data = doc.getElementById('hindsight-recording');
  const target = doc.getElementById('hindsight-player');
  if (!data || !target) return;
  adoptReplayStyles(doc);
  let recording: OfflineRecording;
  try {
    recording = JSON.parse(data.textContent ?? '') as OfflineRecording;
  } catch {
    target.textContent = 'This file does not contain a readable recording.';
    return;
  }
  const events = Array.isArray(recording.events) ? recording.events : [];
  const messages = Array.isArray(recording.messages) ? recording.messages : [];
  // The file is complete: nothing to follow live.
  const session = recording.session;
  if (events.length < 2 || !hasFullSnapshot(events)) {
    render(h(NoReplay, { session }), target);
    return;
  }
  render(h(ReplayViewer, { session, messages, source: createStaticSource(events) }), target);
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => mountOfflinePlayer());
  else mountOfflinePlayer();
}
