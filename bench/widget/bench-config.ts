import { VARIANT_IDS, type VariantId } from './variants/variant';

export interface BenchConfig {
  /** Runs per variant, interleaved (each round visits every variant, in a rotated order). */
  repeats: number;
  variants: VariantId[];
  chromiumPath: string;
  /** WIDGET_NO_MINIFY=1: the widget's build and the bench's own bundles keep their names (for CPU profiles). */
  readableNames: boolean;
}

/** Reads the bench's environment once (every problem in one message); only run.ts calls this. */
export function readBenchConfig(env: NodeJS.ProcessEnv): Readonly<BenchConfig> {
  const problems: string[] = [];
  const repeats = Number(env.BENCH_WIDGET_REPEATS ?? 3);
  if (!Number.isInteger(repeats) || repeats < 1 || repeats > 20) problems.push('BENCH_WIDGET_REPEATS must be 1 to 20');
  const variants = (env.BENCH_WIDGET_VARIANTS ?? VARIANT_IDS.join(',')).split(',').map((id) => id.trim());
  const unknown = variants.filter((id) => !(VARIANT_IDS as readonly string[]).includes(id));
  if (unknown.length > 0)
    problems.push(`BENCH_WIDGET_VARIANTS: unknown ${unknown.join(', ')} (known: ${VARIANT_IDS.join(', ')})`);
  if (problems.length > 0) throw new Error(`Bad benchmark settings:\n  ${problems.join('\n  ')}`);
  return Object.freeze({
    repeats,
    variants: variants as VariantId[],
    chromiumPath: env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    readableNames: env.WIDGET_NO_MINIFY === '1',
  });
}
