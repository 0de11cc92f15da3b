import { expect, it } from 'vitest';
import { addedRatio, pooledAddedRatio, pooledRatioInterval, ratioInterval } from './ratio-interval';

it('computes the ratio of the added medians', () => {
  // medians: baseline 100, ours 250 (+150), reference 200 (+100)
  expect(addedRatio({ baseline: [90, 100, 130], ours: [250, 240, 400], reference: [200, 150, 210] })).toBe(1.5);
});

it('collapses to the ratio itself when the runs do not vary', () => {
  const [low, high] = ratioInterval({ baseline: [100, 100, 100], ours: [210, 210, 210], reference: [200, 200, 200] });
  expect(low).toBeCloseTo(1.1);
  expect(high).toBeCloseTo(1.1);
});

it('spans the ratio when runs are noisy, and narrows as rounds are added', () => {
  const noisy = {
    baseline: [3600, 4300, 3850, 4050, 3550],
    ours: [5100, 5280, 5440, 5120, 5480],
    reference: [4130, 5150, 5530, 4790, 4780],
  };
  const [low, high] = ratioInterval(noisy);
  const ratio = addedRatio(noisy);
  expect(low).toBeLessThan(ratio);
  expect(high).toBeGreaterThan(ratio);
  // The same spread, measured four times as often: the medians are pinned down better.
  const more = (values: number[]) => [...values, ...values, ...values, ...values];
  const [moreLow, moreHigh] = ratioInterval({
    baseline: more(noisy.baseline),
    ours: more(noisy.ours),
    reference: more(noisy.reference),
  });
  expect(moreHigh - moreLow).toBeLessThan(high - low);
});

it('reads the same every time (seeded), so a results file does not change when re-read', () => {
  const runs = { baseline: [1, 5, 3], ours: [10, 14, 9], reference: [8, 6, 11] };
  expect(ratioInterval(runs)).toEqual(ratioInterval(runs));
});

it('pools files against their own baselines: a busier day does not skew the pooled ratio', () => {
  // Both files read exactly 1.5x, one on a machine 800 ms busier per run, where mostly baselines were run.
  const quiet = { baseline: [1000], ours: [1300, 1300, 1300], reference: [1200, 1200, 1200] };
  const busy = { baseline: [1800, 1800, 1800], ours: [2100], reference: [2000] };
  expect(pooledAddedRatio([quiet, busy])).toBeCloseTo(1.5);
  const [low, high] = pooledRatioInterval([quiet, busy]);
  expect(low).toBeCloseTo(1.5);
  expect(high).toBeCloseTo(1.5);
  // Raw pooling (one baseline median for all runs) reads something else entirely.
  const raw = (pick: (runs: typeof quiet) => number[]) => [...pick(quiet), ...pick(busy)];
  expect(
    addedRatio({ baseline: raw((r) => r.baseline), ours: raw((r) => r.ours), reference: raw((r) => r.reference) }),
  ).not.toBeCloseTo(1.5);
});

it("measures ours against its own baseline when given one (recording alone: Hindsight's chat without recording)", () => {
  // medians: baseline 100, reference 200 (+100); chat without recording 150, ours 260 (+110 over the chat)
  const runs = {
    baseline: [100, 90, 110],
    ours: [260, 250, 270],
    reference: [200, 190, 210],
    oursBaseline: [150, 140, 160],
  };
  expect(addedRatio(runs)).toBeCloseTo(1.1);
  expect(pooledAddedRatio([runs, runs])).toBeCloseTo(1.1);
  // Against the page's own baseline the same runs read 1.6x.
  expect(addedRatio({ ...runs, oursBaseline: undefined })).toBeCloseTo(1.6);
  const [low, high] = ratioInterval(runs);
  expect(low).toBeLessThan(1.1);
  expect(high).toBeGreaterThan(1.1);
});
