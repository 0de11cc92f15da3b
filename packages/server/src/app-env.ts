import type { Principal } from './auth/permissions';
import type { MessageNotifier } from './chat/message-notifier';
import type { SecretBox } from './chat/secret-box';
import type { Config } from './config';
import type { Db } from './db/database';
import type { Logger } from './observability/logger';
import type { Metrics, MetricsSnapshot } from './observability/metrics';
import type { StaticSites } from './routes/static';

/** What every request handler can reach through `c.var.deps`. */
export interface AppDeps {
  db: Db;
  config: Readonly<Config>;
  logger: Logger;
  metrics: Metrics;
  /** The time; injected so lifecycle and retention can be tested without waiting. */
  clock: () => Date;
  /** Metrics of every process serving this port (cluster mode asks the primary); defaults to this process's. */
  collectMetrics?: () => Promise<MetricsSnapshot[]>;
  /** Wakes the widget's updates streams when a chat message is stored (in any process). */
  notifier: MessageNotifier;
  /** Seals and opens stored secrets (responder API keys, webhook secrets). */
  secrets: SecretBox;
  /** The built widget and the demo site, loaded at start. */
  sites?: StaticSites;
}

export interface AppEnv {
  /** `principal`: who is asking, set on /api/* routes when the request carries a valid cookie or API token. */
  Variables: { deps: AppDeps; requestId: string; principal?: Principal };
}
