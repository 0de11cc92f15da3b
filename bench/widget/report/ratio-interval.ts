import { median } from './summarize';

/** Resamples drawn: enough for steady 5th and 95th percentiles. */
const RESAMPLES = 4_000;

/** Busy time (ms) of each run of the variants the ratio is made of. */
export interface RatioRuns {
  baseline: number[];
  ours: number[];
  reference: number[];
  /**
   * What `ours` is measured against when not the baseline: Hindsight's chat without recording, so that the ratio
   * compares what recording alone adds (ours - oursBaseline) with what bare rrweb adds (reference - baseline).
   */
  oursBaseline?: number[];
}

/** (median ours - median baseline) / (median reference - median baseline): how "x bare rrweb" is computed. */
export function addedRatio(runs: RatioRuns): number {
  const base = median(runs.baseline);
  return (median(runs.ours) - median(runs.oursBaseline ?? runs.baseline)) / (median(runs.reference) - base);
}

/**
 * The ratio over several runs (results files) at once: every run's busy time minus the baseline median of its
 * own file, pooled, then median over median. Each file keeps its own baseline, so files measured under different
 * machine load are not mixed raw.
 */
export function pooledAddedRatio(files: RatioRuns[]): number {
  const added = (pick: (runs: RatioRuns) => number[], against: (runs: RatioRuns) => number[]) =>
    median(files.flatMap((runs) => pick(runs).map((busy) => busy - median(against(runs)))));
  return (
    added(
      (runs) => runs.ours,
      (runs) => runs.oursBaseline ?? runs.baseline,
    ) /
    added(
      (runs) => runs.reference,
      (runs) => runs.baseline,
    )
  );
}

/**
 * A 90% percentile-bootstrap interval of the added-time ratio: every variant's runs resampled with replacement,
 * the ratio recomputed each time. It says how far the machine's noise alone could move the figure: a target
 * is shown only when the whole interval is on its side. Seeded, so a results file always reads the same.
 */
export function ratioInterval(runs: RatioRuns, resamples = RESAMPLES): [number, number] {
  return pooledRatioInterval([runs], resamples);
}

/** The same interval for pooled files: each file's runs are resampled within that file (a stratified bootstrap). */
export function pooledRatioInterval(files: RatioRuns[], resamples = RESAMPLES): [number, number] {
  let seed = 0x2545f491;
  const random = () => {
    // xorshift32: deterministic, and plenty for resampling a few dozen runs
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 0x1_0000_0000;
  };
  const resample = (values: number[]) => values.map(() => values[Math.floor(random() * values.length)] as number);
  const ratios: number[] = [];
  for (let i = 0; i < resamples; i++) {
    const ratio = pooledAddedRatio(
      files.map((runs) => ({
        baseline: resample(runs.baseline),
        ours: resample(runs.ours),
        reference: resample(runs.reference),
        ...(runs.oursBaseline ? { oursBaseline: resample(runs.oursBaseline) } : {}),
      })),
    );
    if (Number.isFinite(ratio)) ratios.push(ratio);
  }
  ratios.sort((a, b) => a - b);
  const at = (share: number) => ratios[Math.min(ratios.length - 1, Math.floor(share * ratios.length))] ?? Number.NaN;
  return [at(0.05), at(0.95)];
}
