/** Events closer together than this form one group for "previous / next event". */
export const EVENT_GROUP_GAP_MS = 1_000;

/**
 * Start times of groups of moments (sorted ascending) where consecutive moments are less than `gapMs` apart:
 * a burst of clicks and keystrokes is one step, not twenty.
 */
export function groupStarts(sortedTimes: readonly number[], gapMs = EVENT_GROUP_GAP_MS): number[] {
  const starts: number[] = [];
  let previous = Number.NEGATIVE_INFINITY;
  for (const time of sortedTimes) {
    if (time - previous >= gapMs) starts.push(time);
    previous = time;
  }
  return starts;
}

/** Slack so that stepping from a group's own start (or just after it, while playing) moves to the next one. */
const STEP_SLACK_MS = 300;

/** The group start to jump to from `current`: the next one after it, or the previous one before it; null if none. */
export function stepTarget(starts: readonly number[], current: number, direction: 1 | -1): number | null {
  if (direction === 1) {
    for (const start of starts) if (start > current + STEP_SLACK_MS) return start;
    return null;
  }
  for (let i = starts.length - 1; i >= 0; i--) if (starts[i]! < current - STEP_SLACK_MS) return starts[i]!;
  return null;
}
