import { formatClock } from './format';
import { SPEEDS, type Speed } from './replay-controller';

/** Play / pause, clock, previous / next event group, speed, skip inactivity, live, fullscreen, help. */
export function Controls(props: {
  ready: boolean;
  playing: boolean;
  currentMs: number;
  durationMs: number;
  speed: Speed;
  skipInactive: boolean;
  /** Null when the session cannot be followed live (completed, or an offline file). */
  live: boolean | null;
  expanded: boolean;
  onToggle: () => void;
  onStep: (direction: 1 | -1) => void;
  onSpeed: (speed: Speed) => void;
  onSkipInactive: (value: boolean) => void;
  onLive: (value: boolean) => void;
  onFullscreen: () => void;
  onHelp: () => void;
}) {
  const p = props;
  return (
    <div class="hs-controls">
      <button type="button" class="hs-btn hs-btn--primary" disabled={!p.ready} onClick={p.onToggle}>
        {p.playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" class="hs-btn" disabled={!p.ready} onClick={() => p.onStep(-1)} title="Previous event">
        ‹ Prev
      </button>
      <button type="button" class="hs-btn" disabled={!p.ready} onClick={() => p.onStep(1)} title="Next event">
        Next ›
      </button>
      <span class="hs-clock" data-testid="replay-clock">
        {formatClock(p.currentMs)} / {formatClock(p.durationMs)}
      </span>
      <fieldset class="hs-speeds" aria-label="Speed">
        {SPEEDS.map((speed) => (
          <button
            key={speed}
            type="button"
            class="hs-btn hs-btn--small"
            aria-pressed={p.speed === speed}
            onClick={() => p.onSpeed(speed)}
          >
            {speed}x
          </button>
        ))}
      </fieldset>
      <label class="hs-check">
        <input
          type="checkbox"
          checked={p.skipInactive}
          onChange={(event) => p.onSkipInactive((event.currentTarget as HTMLInputElement).checked)}
        />
        Skip inactivity
      </label>
      {p.live !== null && (
        <label class="hs-check hs-check--live">
          <input
            type="checkbox"
            checked={p.live}
            onChange={(event) => p.onLive((event.currentTarget as HTMLInputElement).checked)}
          />
          Live
        </label>
      )}
      <span class="hs-controls__end">
        <button type="button" class="hs-btn" onClick={p.onFullscreen} aria-pressed={p.expanded}>
          {p.expanded ? 'Exit full screen' : 'Full screen'}
        </button>
        <button type="button" class="hs-btn" onClick={p.onHelp} aria-label="Keyboard shortcuts">
          ?
        </button>
      </span>
    </div>
  );
}
