import type { CDPSession, Page } from 'playwright-core';
import { type ProbeState, type ProbeUnload, UNLOAD_STORAGE_KEY } from './probe-types';

/** What one document (one page load) of the journey cost on the main thread. */
export interface DocumentMeasure {
  page: string;
  /** CDP Performance TaskDuration of this document (main-thread CPU time of every task while it was current), ms. */
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  longTasks: ProbeState['longTasks'];
  frames: ProbeState['frames'];
  /** Its beforeunload/visibilitychange/pagehide listeners (they run after the last CDP reading). */
  unload: ProbeUnload[];
  /** Bare rrweb only: JSON size of the events it kept in this document. */
  rrwebJsonBytes?: number;
}

interface Metrics {
  TaskDuration: number;
  ScriptDuration: number;
  LayoutDuration: number;
  RecalcStyleDuration: number;
  JSHeapUsedSize: number;
}

interface Collected {
  probe: ProbeState;
  unload: ProbeUnload[];
  rrwebJsonBytes?: number;
}

/**
 * Reads each document's main-thread figures before the journey leaves it. Chromium starts CDP Performance
 * counters afresh for every document, so the run's figure is the sum over its documents.
 */
export function createDocumentMeter(page: Page, cdp: CDPSession) {
  const documents: DocumentMeasure[] = [];

  async function metrics(): Promise<Metrics> {
    const { metrics: list } = await cdp.send('Performance.getMetrics');
    const value = (name: keyof Metrics) => list.find((metric) => metric.name === name)?.value ?? 0;
    return {
      TaskDuration: value('TaskDuration'),
      ScriptDuration: value('ScriptDuration'),
      LayoutDuration: value('LayoutDuration'),
      RecalcStyleDuration: value('RecalcStyleDuration'),
      JSHeapUsedSize: value('JSHeapUsedSize'),
    };
  }

  return {
    documents,
    /**
     * Starts the counters; call before the first navigation. Thread ticks: durations are the main thread's CPU
     * time, so other processes on the machine (which only delay the thread) do not inflate them.
     */
    start: () => cdp.send('Performance.enable', { timeDomain: 'threadTicks' }),
    /** Reads the current document (first the counters, then the probe); `leaving` arms the unload timing. */
    async close(label: string, leaving: boolean): Promise<void> {
      const read = await metrics();
      const collected = await page.evaluate(
        ({ key, arm }): Collected => {
          const w = window as unknown as {
            __benchProbe?: ProbeState;
            __benchArmUnload?: () => void;
            __benchEvents?: unknown[];
          };
          const probe = JSON.parse(JSON.stringify(w.__benchProbe ?? { longTasks: [], frames: [] })) as ProbeState;
          const unload = JSON.parse(sessionStorage.getItem(key) ?? '[]') as ProbeUnload[];
          sessionStorage.removeItem(key);
          if (arm) w.__benchArmUnload?.();
          const rrwebJsonBytes = w.__benchEvents ? JSON.stringify(w.__benchEvents).length : undefined;
          return { probe, unload, ...(rrwebJsonBytes === undefined ? {} : { rrwebJsonBytes }) };
        },
        { key: UNLOAD_STORAGE_KEY, arm: leaving },
      );
      // Unload timings arrive in the next document: they belong to the previous one.
      const previous = documents.at(-1);
      if (previous) previous.unload.push(...collected.unload);
      documents.push({
        page: label,
        taskMs: read.TaskDuration * 1_000,
        scriptMs: read.ScriptDuration * 1_000,
        layoutMs: read.LayoutDuration * 1_000,
        styleMs: read.RecalcStyleDuration * 1_000,
        longTasks: collected.probe.longTasks,
        frames: collected.probe.frames,
        unload: [],
        ...(collected.rrwebJsonBytes === undefined ? {} : { rrwebJsonBytes: collected.rrwebJsonBytes }),
      });
    },
    /** JS heap in use after a full garbage collection (what the page keeps, not what it has yet to collect). */
    async heapAfterGc(): Promise<number> {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await metrics()).JSHeapUsedSize;
    },
  };
}

export type DocumentMeter = ReturnType<typeof createDocumentMeter>;
