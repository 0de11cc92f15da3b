import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config';
import type { Db } from '../db/database';
import type { Logger } from '../observability/logger';
import { listApplications } from '../repos/applications-repo';
import type { StaticSites } from '../routes/static';
import { loadDashboardAssets } from './dashboard-assets';
import { loadDemoSite } from './demo-site';
import { loadWidgetAssets } from './widget-assets';

/** examples/demo of the repository this server runs from; absent from the container image. */
function findDemoDirectory(): string | undefined {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'examples', 'demo');
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml')) && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Loads the built widget and dashboard, and the demo site with the first application's key. */
export async function loadStaticSites(config: Readonly<Config>, db: Db, logger: Logger): Promise<StaticSites> {
  const widget = await loadWidgetAssets();
  if (!widget) logger.warn('widget not built: /widget.js answers 404 until `pnpm build` has run');
  const dashboard = await loadDashboardAssets();
  if (!dashboard) logger.warn('dashboard not built: / answers 404 until `pnpm build` has run');
  if (!config.demo) return { widget, dashboard };
  const [application] = await listApplications(db);
  const directory = findDemoDirectory();
  const demo = application && directory ? await loadDemoSite(directory, application.public_key) : undefined;
  return { widget, demo, dashboard };
}
