import { describe, expect, it } from 'vitest';
import { groupStarts, stepTarget } from './event-groups';

describe('event groups', () => {
  const starts = groupStarts([0, 200, 900, 1_900, 5_000, 5_500, 9_000]);

  it('groups moments less than a second apart (chained)', () => {
    expect(starts).toEqual([0, 1_900, 5_000, 9_000]);
  });

  it('steps to the next and previous group', () => {
    expect(stepTarget(starts, 0, 1)).toBe(1_900);
    expect(stepTarget(starts, 1_950, 1)).toBe(5_000);
    expect(stepTarget(starts, 5_000, -1)).toBe(1_900);
    expect(stepTarget(starts, 9_000, 1)).toBeNull();
    expect(stepTarget(starts, 100, -1)).toBeNull();
  });
});
