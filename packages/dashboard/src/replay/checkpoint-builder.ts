import { captureCheckpoint, type DomCheckpoint, type MirrorLike } from './dom-checkpoint';
import { eventOps, lowerBound } from './replay-cost';
import { EVENT_TYPE, type RRwebEvent } from './rrweb-events';

/** Work per background step (keeps each task short) and between two checkpoints (bounds a seek's work). */
export const STEP_OPS = 2_500;
export const CHECKPOINT_OPS = 5_000;
/** An event this big (a client-side navigation replacing the page) gets a checkpoint right after it. */
export const BIG_EVENT_OPS = 1_000;

interface HiddenReplayer {
  addEvent(event: RRwebEvent): void;
  pause(offsetMs?: number): void;
  getMirror(): MirrorLike;
  iframe: HTMLIFrameElement;
  destroy?(): void;
}
type ReplayerClass = new (events: RRwebEvent[], config: Record<string, unknown>) => HiddenReplayer;

/**
 * Builds checkpoints in the background: a second, hidden rrweb Replayer fast-forwards through the recording in
 * small steps while the page is idle (so the page never freezes), and every CHECKPOINT_OPS of work its DOM is
 * copied. A seek then starts from the nearest checkpoint instead of the last full snapshot.
 */
export function createCheckpointBuilder(
  Replayer: ReplayerClass,
  container: HTMLElement,
  /** While this says true (e.g. the replay is playing), work only in idle time; otherwise as fast as possible. */
  gentle: () => boolean,
) {
  const events: RRwebEvent[] = [];
  const checkpoints: DomCheckpoint[] = [];
  let replayer: HiddenReplayer | null = null;
  /** Every event with a timestamp below this is applied in the hidden replayer. */
  let appliedUntil = Number.NEGATIVE_INFINITY;
  let opsSinceCheckpoint = 0;
  /** How many of `events` the hidden replayer has been given. */
  let fedUntil = 0;
  let scheduled = false;
  let stopped = false;
  const host = document.createElement('div');
  // Off screen and inert; it is a replay iframe like the visible one (sandboxed, no scripts).
  host.style.cssText =
    'position:absolute;left:-20000px;top:0;width:10px;height:10px;overflow:hidden;visibility:hidden;pointer-events:none;contain:strict';
  host.setAttribute('aria-hidden', 'true');
  container.appendChild(host);

  const schedule = () => {
    if (scheduled || stopped) return;
    scheduled = true;
    const run = () => {
      scheduled = false;
      if (!stopped) step();
    };
    // A macrotask per step either way, so input and rendering get in between two steps.
    if (gentle() && 'requestIdleCallback' in window) requestIdleCallback(run, { timeout: 1_000 });
    else setTimeout(run, 0);
  };

  let busyMs = 0;
  let longestStepMs = 0;
  function step() {
    const started = performance.now();
    try {
      stepOnce();
    } finally {
      const spent = performance.now() - started;
      busyMs += spent;
      longestStepMs = Math.max(longestStepMs, spent);
    }
  }

  function stepOnce() {
    if (!replayer) {
      // Built in an idle task of its own: rebuilding the first full snapshot costs as much as the visible one.
      if (events.length < 2 || !events.some((event) => event.type === EVENT_TYPE.FullSnapshot)) return;
      replayer = new Replayer([...events], {
        root: host,
        speed: 1,
        skipInactive: false,
        showWarning: false,
        mouseTail: false,
        triggerFocus: false,
        UNSAFE_replayCanvas: false,
        // Each step applies a few thousand operations to the real DOM directly; rrweb's virtual DOM would
        // copy the whole page into it and diff it back on every step.
        useVirtualDom: false,
      });
      fedUntil = events.length;
      schedule();
      return;
    }
    // Events that arrived since the last step.
    for (; fedUntil < events.length; fedUntil++) replayer.addEvent(events[fedUntil]!);
    let i = lowerBound(events, appliedUntil);
    if (i >= events.length) return;
    let ops = 0;
    let sawMeta = false;
    let big = false;
    for (; i < events.length && ops < STEP_OPS && !big; i++) {
      const eventCost = eventOps(events[i]!);
      // A big event goes in a step of its own, with a checkpoint right after it.
      if (eventCost >= BIG_EVENT_OPS && ops > 0) break;
      ops += eventCost;
      big = eventCost >= BIG_EVENT_OPS;
      if (events[i]!.type === EVENT_TYPE.Meta) sawMeta = true;
    }
    // Keep events that share a timestamp together: a checkpoint's boundary is "everything before t".
    while (i < events.length && events[i]!.timestamp === events[i - 1]!.timestamp) ops += eventOps(events[i++]!);
    const target = events[i - 1]!.timestamp + 1;
    replayer.pause(target - events[0]!.timestamp);
    appliedUntil = target;
    // A full snapshot is a natural starting point for rrweb's own seek: count from there.
    opsSinceCheckpoint = sawMeta ? ops : opsSinceCheckpoint + ops;
    if (opsSinceCheckpoint >= CHECKPOINT_OPS || (big && !sawMeta)) {
      const doc = replayer.iframe.contentDocument;
      const checkpoint = doc && captureCheckpoint(doc, replayer.getMirror(), appliedUntil);
      if (checkpoint) checkpoints.push(checkpoint);
      opsSinceCheckpoint = 0;
    }
    if (i < events.length) schedule();
  }

  return {
    /** Feeds the same events the visible player gets (copies: rrweb writes a `delay` into each event). */
    addEvents(batch: readonly RRwebEvent[]) {
      if (stopped) return;
      // Chunks arrive in order; an event older than the last is rare and simply skipped here (the visible
      // player still gets it), so the hidden replayer's array and ours stay the same.
      for (const event of batch) {
        if (events.length === 0 || events.at(-1)!.timestamp <= event.timestamp) events.push({ ...event });
      }
      schedule();
    },
    /** The latest checkpoint usable for a seek to `timestamp` (everything before it applied), or null. */
    best(timestamp: number): DomCheckpoint | null {
      for (let i = checkpoints.length - 1; i >= 0; i--)
        if (checkpoints[i]!.timestamp <= timestamp) return checkpoints[i]!;
      return null;
    },
    get count() {
      return checkpoints.length;
    },
    /** Main-thread time spent building, and the longest single step, ms. */
    get busy() {
      return { busyMs, longestStepMs };
    },
    /** How far the background work has come (rrweb timestamp). */
    get progress() {
      return appliedUntil;
    },
    destroy() {
      stopped = true;
      replayer?.destroy?.();
      replayer = null;
      checkpoints.length = 0;
      host.remove();
    },
  };
}

export type CheckpointBuilder = ReturnType<typeof createCheckpointBuilder>;
