/** How long and how hard each target is driven. */
export interface BenchSettings {
  connections: number;
  warmupSeconds: number;
  peakSeconds: number;
  halfSeconds: number;
}

const DEFAULTS = {
  BENCH_CONNECTIONS: ['connections', 32],
  BENCH_WARMUP_SECONDS: ['warmupSeconds', 3],
  BENCH_PEAK_SECONDS: ['peakSeconds', 15],
  BENCH_HALF_SECONDS: ['halfSeconds', 10],
} as const;

/** Reads BENCH_* from the environment (whole numbers from 1 to 600), naming every bad one at once. */
export function parseBenchSettings(env: Record<string, string | undefined>): BenchSettings {
  const settings = {} as BenchSettings;
  const problems: string[] = [];
  for (const [name, [field, fallback]] of Object.entries(DEFAULTS)) {
    const raw = env[name]?.trim();
    const value = raw ? Number(raw) : fallback;
    if (!Number.isInteger(value) || value < 1 || value > 600)
      problems.push(`${name} must be a whole number from 1 to 600`);
    settings[field] = value;
  }
  if (problems.length > 0) throw new Error(`Invalid benchmark settings:\n  - ${problems.join('\n  - ')}`);
  return settings;
}
