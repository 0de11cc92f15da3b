import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Fixed points in time for the journey's steps, so every run does the same things at the same moments however
 * fast the page answers. A step that starts late is noted, not skipped.
 */
export function createSchedule(now: () => number = Date.now) {
  const startedAt = now();
  let maxLateMs = 0;
  return {
    /** Waits until `offsetMs` after the start. */
    async at(offsetMs: number): Promise<void> {
      const wait = startedAt + offsetMs - now();
      if (wait > 0) await sleep(wait);
      else maxLateMs = Math.max(maxLateMs, -wait);
    },
    get maxLateMs() {
      return maxLateMs;
    },
  };
}

export type Schedule = ReturnType<typeof createSchedule>;
