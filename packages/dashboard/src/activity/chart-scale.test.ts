import { describe, expect, it } from 'vitest';
import { barHeight, bucketLabel, labelStep, niceCeiling } from './chart-scale';

describe('niceCeiling', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(1)).toBe(1);
    expect(niceCeiling(3)).toBe(5);
    expect(niceCeiling(7)).toBe(10);
    expect(niceCeiling(11)).toBe(20);
    expect(niceCeiling(20)).toBe(20);
    expect(niceCeiling(430)).toBe(500);
    expect(niceCeiling(0.3)).toBe(0.5);
    expect(niceCeiling(Number.NaN)).toBe(1);
  });
});

describe('barHeight', () => {
  it('scales to the plot and keeps small values visible', () => {
    expect(barHeight(0, 10, 100)).toBe(0);
    expect(barHeight(10, 10, 100)).toBe(100);
    expect(barHeight(5, 10, 100)).toBe(50);
    expect(barHeight(1, 1000, 100)).toBe(1);
    expect(barHeight(50, 10, 100)).toBe(100);
  });
});

describe('labels', () => {
  it('thins labels to fit', () => {
    expect(labelStep(24, 8)).toBe(3);
    expect(labelStep(30, 6)).toBe(5);
    expect(labelStep(4, 8)).toBe(1);
  });

  it('labels hours and days', () => {
    const start = new Date(2026, 10, 3, 14, 0).toISOString();
    expect(bucketLabel(start, '24h')).toBe('14:00');
    expect(bucketLabel(start, '30d')).toBe('Nov 3');
  });
});
