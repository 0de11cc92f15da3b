import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DashboardApiReport } from './print-report';

/** bench/results: git-ignored. */
export const RESULTS_DIR = fileURLToPath(new URL('../../../results/', import.meta.url));

/**
 * Writes the report to bench/results/dashboard-api-<timestamp>.json and every plan to
 * dashboard-api-<timestamp>-plans.txt; returns both paths.
 */
export async function writeResults(report: DashboardApiReport): Promise<string[]> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const base = path.join(RESULTS_DIR, `dashboard-api-${report.startedAt.replace(/[:.]/g, '-')}`);
  await writeFile(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  const plans = report.sizes.flatMap((size) =>
    Object.entries(size.plans).map(([name, plan]) => `=== ${size.size}: ${name}\n${plan}\n`),
  );
  await writeFile(`${base}-plans.txt`, plans.join('\n'));
  return [`${base}.json`, `${base}-plans.txt`];
}
