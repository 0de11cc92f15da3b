// Runs in every document before the page's own scripts (a Playwright init script), the same for every variant.
// It records long tasks and long animation frames (whose `scripts` say which file and which invoker, e.g. a
// timer or a worker message, took the time), and times the unload-time events a recorder flushes on: those run
// after the bench's last CDP reading of the document, so the next document reports them.
import {
  type ProbeScript,
  type ProbeState,
  type ProbeUnload,
  UNLOAD_EVENTS,
  UNLOAD_STORAGE_KEY,
} from '../measure/probe-types';

interface LoafScript {
  sourceURL: string;
  sourceFunctionName: string;
  invoker: string;
  invokerType: string;
  sourceCharPosition: number;
  startTime: number;
  duration: number;
  forcedStyleAndLayoutDuration: number;
}
interface LoafEntry extends PerformanceEntry {
  blockingDuration: number;
  scripts: LoafScript[];
}

const page = window as unknown as { __benchProbe: ProbeState; __benchArmUnload: () => void };
const state: ProbeState = { longTasks: [], frames: [] };
page.__benchProbe = state;

const observe = (type: string, onEntry: (entry: PerformanceEntry) => void) => {
  try {
    new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true });
  } catch {
    // entry type not supported: that column stays empty
  }
};
observe('longtask', (entry) => state.longTasks.push({ startMs: entry.startTime, durationMs: entry.duration }));
observe('long-animation-frame', (entry) => {
  const frame = entry as LoafEntry;
  const scripts: ProbeScript[] = frame.scripts.map((script) => ({
    url: script.sourceURL,
    functionName: script.sourceFunctionName,
    invoker: script.invoker,
    invokerType: script.invokerType,
    charPosition: script.sourceCharPosition,
    startMs: script.startTime,
    durationMs: script.duration,
    forcedLayoutMs: script.forcedStyleAndLayoutDuration,
  }));
  state.frames.push({
    startMs: frame.startTime,
    durationMs: frame.duration,
    blockingMs: frame.blockingDuration,
    scripts,
  });
});

const startedAt = new Map<string, number>();
for (const type of UNLOAD_EVENTS) {
  // Capture on window: runs before every other listener of the event.
  addEventListener(type, () => startedAt.set(type, performance.now()), { capture: true });
}

/** Called by the bench just before it navigates, after every recorder has added its listeners. */
page.__benchArmUnload = () => {
  for (const type of UNLOAD_EVENTS) {
    addEventListener(type, () => {
      const start = startedAt.get(type);
      if (start === undefined) return;
      const timings = JSON.parse(sessionStorage.getItem(UNLOAD_STORAGE_KEY) ?? '[]') as ProbeUnload[];
      timings.push({ event: type, durationMs: performance.now() - start });
      sessionStorage.setItem(UNLOAD_STORAGE_KEY, JSON.stringify(timings));
    });
  }
};
