import type { CDPSession } from 'playwright-core';

/** Sampling interval of the CPU profile, µs: fine enough for a 30 s journey, cheap enough not to swamp it. */
const SAMPLING_INTERVAL_US = 200;

/** Main-thread time of one run, split by the script it was spent in (from V8's sampling profiler). */
export interface ScriptTimes {
  /** Script URL -> ms: its own JavaScript plus the browser functions it called (DOM getters, JSON, fetch). */
  byScript: Record<string, number>;
  /** Garbage collection, whoever allocated. */
  gcMs: number;
  /** Everything outside JavaScript (style, layout, paint, parsing), which no script can be charged with. */
  programMs: number;
  /** The profile as V8 gave it (`.cpuprofile` format, for DevTools or a per-function split). */
  raw?: unknown;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

/**
 * Starts V8's CPU profiler on the page's renderer; `stop()` returns where the time went. The profiler keeps
 * running across the journey's same-site navigations (one renderer process), so one profile covers the run.
 */
export async function startCpuProfile(cdp: CDPSession): Promise<{ stop(): Promise<ScriptTimes> }> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = await cdp.send('Profiler.stop');
      const times = scriptTimes(profile.nodes as ProfileNode[], profile.samples ?? [], profile.timeDeltas ?? []);
      return { ...times, raw: profile };
    },
  };
}

/** Charges every sample to the nearest script on its stack (a native function to the script that called it). */
export function scriptTimes(nodes: ProfileNode[], samples: number[], timeDeltasUs: number[]): ScriptTimes {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const owner = new Map<number, string>();
  const ownerOf = (id: number): string => {
    const known = owner.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const parent = parentOf.get(id);
    const found =
      node?.callFrame.url || (parent === undefined ? `(${node?.callFrame.functionName ?? ''})` : ownerOf(parent));
    owner.set(id, found);
    return found;
  };
  const times: ScriptTimes = { byScript: {}, gcMs: 0, programMs: 0 };
  samples.forEach((id, i) => {
    const ms = (timeDeltasUs[i] ?? 0) / 1_000;
    const name = byId.get(id)?.callFrame.functionName;
    if (name === '(garbage collector)') times.gcMs += ms;
    else if (name === '(program)') times.programMs += ms;
    else if (name !== '(idle)') {
      const script = ownerOf(id);
      times.byScript[script] = (times.byScript[script] ?? 0) + ms;
    }
  });
  return times;
}
