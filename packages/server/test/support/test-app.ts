import { randomBytes } from 'node:crypto';
import { INGEST_BATCH_PATH } from '@hindsight/shared';
import { createApp } from '../../src/app';
import type { AppDeps } from '../../src/app-env';
import { createMessageNotifier } from '../../src/chat/message-notifier';
import { createSecretBox } from '../../src/chat/secret-box';
import { type Config, parseConfig } from '../../src/config';
import type { Db } from '../../src/db/database';
import { createLogger } from '../../src/observability/logger';
import { createMetrics } from '../../src/observability/metrics';
import { createApplication } from '../../src/repos/applications-repo';
import type { StaticSites } from '../../src/routes/static';

/** A settable clock for lifecycle and retention tests. */
export function createTestClock(start = new Date('2026-11-22T10:00:00Z')) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
    set(date: Date) {
      now = date.getTime();
    },
  };
}

/** Configuration as the server would parse it from these environment variables. */
export function testConfig(env: Record<string, string> = {}): Readonly<Config> {
  return parseConfig({ LOG_LEVEL: 'silent', ...env });
}

/** What the server hands its request handlers, against a test database (silent logs, a fresh secret key). */
export function testDeps(
  db: Db,
  options: { env?: Record<string, string>; clock?: () => Date; sites?: StaticSites } = {},
) {
  const config = testConfig(options.env);
  const logger = createLogger(config.logLevel);
  return {
    db,
    config,
    logger,
    metrics: createMetrics(),
    clock: options.clock ?? (() => new Date()),
    sites: options.sites,
    secrets: testSecrets(),
    // Its connection is opened on the first updates stream and closed with the test database.
    notifier: createMessageNotifier(db, logger),
  } satisfies AppDeps;
}

/** The real app wired to a test database. */
export function createTestApp(
  db: Db,
  options: { env?: Record<string, string>; clock?: () => Date; sites?: StaticSites } = {},
) {
  const deps = testDeps(db, options);
  return { app: createApp(deps), config: deps.config, metrics: deps.metrics, notifier: deps.notifier };
}

export async function createTestApplication(db: Db, input: { allowedOrigins?: string[]; retentionDays?: number } = {}) {
  return createApplication(db, { name: 'Test site', retentionDays: input.retentionDays ?? 30, ...input });
}

/** Posts a batch through app.request (no socket). */
export function postBatch(
  app: ReturnType<typeof createApp>,
  params: {
    key?: string;
    session?: string;
    seq?: number | string;
    body: Buffer | string | ReadableStream;
    headers?: Record<string, string>;
  },
) {
  const query = new URLSearchParams();
  if (params.key !== undefined) query.set('key', params.key);
  if (params.session !== undefined) query.set('session', params.session);
  if (params.seq !== undefined) query.set('seq', String(params.seq));
  return app.request(`${INGEST_BATCH_PATH}?${query}`, {
    method: 'POST',
    body: params.body,
    headers: { 'content-type': 'text/plain', ...params.headers },
  });
}

/** A secret box under a random key (what a server generates on its first start). */
export function testSecrets() {
  return createSecretBox(randomBytes(32));
}
