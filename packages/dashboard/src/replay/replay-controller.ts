import rrwebPlayer from 'rrweb-player';
import { type CheckpointBuilder, createCheckpointBuilder } from './checkpoint-builder';
import { type MirrorLike, restoreCheckpoint } from './dom-checkpoint';
import { lastMetaAtOrBefore, opsBetween } from './replay-cost';
import { EVENT_TYPE, type RRwebEvent } from './rrweb-events';

export const SPEEDS = [0.5, 1, 2, 4, 8] as const;
/** Up to this many operations after a checkpoint, a seek applies them to the page without rrweb's virtual DOM. */
const DIRECT_APPLY_MAX_OPS = 8_000;
export type Speed = (typeof SPEEDS)[number];

/** What the controls draw; read every animation frame. */
export interface PlaybackState {
  ready: boolean;
  playing: boolean;
  /** Offset into the recording, ms. */
  currentMs: number;
  /** Length of the part loaded so far, ms. */
  totalMs: number;
  /** rrweb timestamp of offset 0. */
  startTimestamp: number;
}

type Player = InstanceType<typeof rrwebPlayer>;
/** rrweb-player is a Svelte component; its typings miss these two methods (svelte's types are not installed). */
type SvelteComponentLike = { $set(props: Record<string, unknown>): void; $destroy(): void };
const svelte = (player: Player) => player as unknown as SvelteComponentLike;
type Replayer = ReturnType<Player['getReplayer']>;

export interface ReplayControllerOptions {
  /** Build DOM checkpoints in the background so long seeks stay fast (default true). */
  checkpoints?: boolean;
  /** Called once, when the first full snapshot has been drawn into the player's iframe. */
  onFirstFrame?: () => void;
  width: number;
  height: number;
}

/**
 * Owns one rrweb-player (its own controls hidden; the viewer draws its own) and feeds it events as they stream
 * in. The player is created as soon as a full snapshot is in hand, so the first frame shows before the rest
 * of the recording has arrived. Recorded pages replay only inside rrweb's sandboxed iframe.
 */
export function createReplayController(target: HTMLElement, options: ReplayControllerOptions) {
  let player: Player | null = null;
  let replayer: Replayer | null = null;
  let waiting: RRwebEvent[] = [];
  let speed: Speed = 1;
  let skipInactive = true;
  let size = { width: options.width, height: options.height };
  let destroyed = false;
  let builder: CheckpointBuilder | null = null;
  let restores = 0;
  let metaRefreshedAt = 0;
  let lastRestoreMs = 0;
  let lastGotoMs = 0;
  /** While chunks are still streaming in, checkpoints are built only in idle time (loading comes first). */
  let loading = true;

  /**
   * Before a seek: when a checkpoint is closer to the target than where rrweb would start (the last full
   * snapshot, or the current moment when seeking forward), put the player's DOM into the checkpoint's state and
   * tell rrweb that everything before it has been played. rrweb then applies only the events after it.
   */
  function restoreNearestCheckpoint(targetTs: number): number | null {
    if (!builder || !replayer) return null;
    const checkpoint = builder.best(targetTs);
    if (!checkpoint) return null;
    const context = replayer.service.state.context as { events: RRwebEvent[]; lastPlayedEvent: RRwebEvent | null };
    const events = context.events;
    const metaTs = lastMetaAtOrBefore(events, targetTs) ?? events[0]!.timestamp;
    const lastPlayed = context.lastPlayedEvent?.timestamp ?? null;
    const rrwebFrom = lastPlayed !== null && lastPlayed < targetTs && lastPlayed >= metaTs ? lastPlayed + 1 : metaTs;
    if (checkpoint.timestamp <= rrwebFrom) return null;
    // Copying the checkpoint in costs about a tenth of applying events to as many nodes.
    const remaining = opsBetween(events, checkpoint.timestamp, targetTs);
    if (remaining + checkpoint.nodeCount / 10 >= opsBetween(events, rrwebFrom, targetTs)) return null;
    const doc = replayer.iframe.contentDocument;
    if (!doc) return null;
    const started = performance.now();
    restoreCheckpoint(doc, replayer.getMirror() as unknown as MirrorLike, checkpoint);
    lastRestoreMs = performance.now() - started;
    // A marker event (type 0, DomContentLoaded, which replays as nothing) just before the checkpoint.
    context.lastPlayedEvent = { type: 0, timestamp: checkpoint.timestamp - 1, data: {} } as unknown as RRwebEvent;
    restores++;
    return remaining;
  }

  function create(events: RRwebEvent[]) {
    player = new rrwebPlayer({
      target,
      props: {
        events,
        width: size.width,
        height: size.height,
        autoPlay: false,
        showController: false,
        speedOption: [...SPEEDS],
        speed,
        skipInactive,
        // Never let recorded content out of the sandbox: no scripts, and UI interaction stays off.
        UNSAFE_replayCanvas: false,
        mouseTail: false,
        showWarning: false,
        // rrweb would focus replayed inputs inside the iframe, and keyboard shortcuts would stop reaching us.
        triggerFocus: false,
        maxScale: 0,
      },
    });
    replayer = player.getReplayer();
    if (options.checkpoints !== false) {
      type ReplayerClass = Parameters<typeof createCheckpointBuilder>[0];
      builder = createCheckpointBuilder(
        replayer.constructor as unknown as ReplayerClass,
        target,
        () => loading || isPlaying(),
      );
      builder.addEvents(events);
    }
    watchFirstFrame();
  }

  function watchFirstFrame() {
    const check = () => {
      if (destroyed || !replayer) return;
      const body = replayer.iframe.contentDocument?.body;
      if (body && body.childNodes.length > 0) options.onFirstFrame?.();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }

  const isPlaying = () => !!replayer && replayer.service.state.matches('playing');

  return {
    /** Appends events (in time order) as they arrive. */
    addEvents(events: readonly RRwebEvent[]) {
      if (destroyed || events.length === 0) return;
      if (!player) {
        waiting.push(...events);
        // rrweb needs a Meta and a full snapshot to draw anything (and refuses fewer than two events).
        const snapshot = waiting.findIndex((event) => event.type === EVENT_TYPE.FullSnapshot);
        if (snapshot < 0 || waiting.length < 2) return;
        const first = waiting;
        waiting = [];
        create(first);
        return;
      }
      builder?.addEvents(events);
      // rrweb-player's own addEvent also refreshes its (hidden) controller's metadata, which walks every event:
      // per event that is quadratic. Our controls read the replayer directly, so it is refreshed once a second.
      const r = replayer!;
      const now = performance.now();
      const refresh = now - metaRefreshedAt > 1_000;
      for (let i = 0; i < events.length - (refresh ? 1 : 0); i++) r.addEvent(events[i]!);
      if (refresh) {
        metaRefreshedAt = now;
        player.addEvent(events[events.length - 1]!);
      }
    },
    get ready() {
      return !!player;
    },
    get replayer(): Replayer | null {
      return replayer;
    },
    state(): PlaybackState {
      if (!replayer) return { ready: false, playing: false, currentMs: 0, totalMs: 0, startTimestamp: 0 };
      const meta = replayer.getMetaData();
      return {
        ready: true,
        playing: isPlaying(),
        currentMs: Math.min(Math.max(0, replayer.getCurrentTime()), meta.totalTime),
        totalMs: meta.totalTime,
        startTimestamp: meta.startTime,
      };
    },
    /** Moves to `offsetMs` (clamped), playing afterwards if `play` (default: keep the current state). */
    seek(offsetMs: number, play?: boolean) {
      if (!player || !replayer) return;
      const { totalTime, startTime } = replayer.getMetaData();
      const offset = Math.min(Math.max(0, offsetMs), totalTime);
      const playAfter = play ?? isPlaying();
      const remaining = restoreNearestCheckpoint(startTime + offset);
      // A few thousand operations cost less applied to the page directly than through rrweb's virtual DOM
      // (which copies the whole page and diffs it back); long runs of events are faster through it.
      (replayer.config as { useVirtualDom: boolean }).useVirtualDom =
        remaining === null || remaining > DIRECT_APPLY_MAX_OPS;
      const started = performance.now();
      player.goto(offset, playAfter);
      lastGotoMs = performance.now() - started;
    },
    play() {
      if (!player || !replayer) return;
      const { currentMs, totalMs } = this.state();
      // At the end, play starts over, like a video. Never rrweb-player's play(): after a "finish" (reached while
      // chunks are still streaming in) it restarts from 0.
      player.goto(currentMs >= totalMs - 50 ? 0 : currentMs, true);
    },
    pause() {
      if (isPlaying()) player?.pause();
    },
    toggle() {
      if (isPlaying()) this.pause();
      else this.play();
    },
    setSpeed(next: Speed) {
      speed = next;
      player?.setSpeed(next);
    },
    get speed() {
      return speed;
    },
    setSkipInactive(value: boolean) {
      skipInactive = value;
      if (player) svelte(player).$set({ skipInactive: value });
    },
    get skipInactive() {
      return skipInactive;
    },
    /** Fits the recorded page into `width` x `height` CSS pixels. */
    resize(width: number, height: number) {
      size = { width: Math.max(1, Math.floor(width)), height: Math.max(1, Math.floor(height)) };
      if (!player) return;
      svelte(player).$set(size);
      player.triggerResize();
    },
    /** Everything stored so far has arrived (background work may now use the main thread more). */
    loaded() {
      loading = false;
    },
    /** Background checkpoint state, for benchmarks and tests. */
    get checkpointStats() {
      return {
        count: builder?.count ?? 0,
        progress: builder?.progress ?? 0,
        restores,
        lastRestoreMs,
        lastGotoMs,
        ...builder?.busy,
      };
    },
    destroy() {
      destroyed = true;
      builder?.destroy();
      builder = null;
      player?.pause();
      if (player) svelte(player).$destroy();
      player = null;
      replayer = null;
    },
  };
}

export type ReplayController = ReturnType<typeof createReplayController>;
