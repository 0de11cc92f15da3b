import { formatClock } from './format';
import type { TimelineMarker } from './timeline-markers';

const KIND_LABEL = { message: 'Message', navigation: 'Page', click: 'Click' } as const;

/**
 * The seek bar: played part, loaded part and a marker per message, page navigation and click. Marker titles are
 * recorded text, set as text (a title attribute), never as markup.
 */
export function Timeline(props: {
  currentMs: number;
  /** Length of the whole recording (known from the session before every chunk has arrived). */
  durationMs: number;
  loadedMs: number;
  startTimestamp: number;
  markers: readonly TimelineMarker[];
  onSeek: (offsetMs: number) => void;
}) {
  const { currentMs, durationMs, loadedMs, startTimestamp, markers, onSeek } = props;
  const span = Math.max(1, durationMs);
  const pct = (ms: number) => `${Math.min(100, Math.max(0, (ms / span) * 100))}%`;
  const seekFromPointer = (event: MouseEvent) => {
    const bar = event.currentTarget as HTMLElement;
    const rect = bar.getBoundingClientRect();
    onSeek(((event.clientX - rect.left) / Math.max(1, rect.width)) * span);
  };
  return (
    <div class="hs-timeline">
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard seeks with the arrow keys (see the help) */}
      <div
        class="hs-timeline__bar"
        role="slider"
        tabIndex={-1}
        aria-label="Seek"
        aria-valuemin={0}
        aria-valuemax={Math.round(span / 1000)}
        aria-valuenow={Math.round(currentMs / 1000)}
        aria-valuetext={formatClock(currentMs)}
        onClick={seekFromPointer}
      >
        <div class="hs-timeline__loaded" style={{ width: pct(loadedMs) }} />
        <div class="hs-timeline__played" style={{ width: pct(currentMs) }} />
      </div>
      <div class="hs-timeline__markers">
        {markers.map((marker, index) => {
          const offset = marker.timestamp - startTimestamp;
          return (
            <button
              key={`${marker.kind}-${marker.timestamp}-${index}`}
              type="button"
              class={`hs-marker hs-marker--${marker.kind}`}
              style={{ left: pct(offset) }}
              title={`${KIND_LABEL[marker.kind]} at ${formatClock(offset)}: ${marker.label}`}
              aria-label={`${KIND_LABEL[marker.kind]} at ${formatClock(offset)}`}
              data-offset-ms={offset}
              onClick={() => onSeek(offset)}
            />
          );
        })}
      </div>
    </div>
  );
}
