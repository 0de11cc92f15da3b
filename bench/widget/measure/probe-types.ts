/** What the in-page probe (browser/page-probe.ts) collects in one document, read by the bench over CDP. */

/** One script that ran for 5 ms or more inside a long animation frame (the LoAF API's attribution). */
export interface ProbeScript {
  url: string;
  functionName: string;
  /** What called it: `TimerHandler:setInterval`, `DOMWindow.onmessage`, `MutationObserver.callback`, ... */
  invoker: string;
  invokerType: string;
  /** Where in the file the entry function starts (maps a minified bundle's entry point back to its code). */
  charPosition: number;
  startMs: number;
  durationMs: number;
  forcedLayoutMs: number;
}

export interface ProbeFrame {
  startMs: number;
  durationMs: number;
  blockingMs: number;
  scripts: ProbeScript[];
}

export interface ProbeTask {
  startMs: number;
  durationMs: number;
}

/** Time spent in one unload-time event, from the first listener (ours, capture) to the last (ours, added last). */
export interface ProbeUnload {
  event: string;
  durationMs: number;
}

export interface ProbeState {
  longTasks: ProbeTask[];
  frames: ProbeFrame[];
}

/** sessionStorage key under which unload timings travel to the next document of the tab. */
export const UNLOAD_STORAGE_KEY = '__bench_unload';
/** The events a recorder may flush on when a page goes away, in the order Chromium fires them. */
export const UNLOAD_EVENTS = ['beforeunload', 'visibilitychange', 'pagehide'] as const;
