#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { scriptTag } from './bootstrap';
import { ConfigError, parseConfig } from './config';
import { createDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { openDatabase } from './db/open-database';
import { createLogger, type Logger } from './observability/logger';
import { createApplication } from './repos/applications-repo';
import { startCommand } from './start-command';

const USAGE = `Usage: hindsight [command] [options]

Commands:
  start                      Start the server (default). Uses DATABASE_URL, or an embedded PostgreSQL under DATA_DIR.
  migrate                    Apply pending database migrations and exit.
  create-app --name NAME     Create an application and print its public key and script tag.
             [--origins https://a.example,https://b.example] [--retention-days N]
  help                       Show this help.

Configuration comes from environment variables; see the server README.`;

/** The entry point: the only place that reads process.env and process.argv. */
async function main(): Promise<void> {
  const [command = 'start', ...rest] = process.argv.slice(2);
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const config = parseConfig(process.env);
  const logger = createLogger(config.logLevel);
  switch (command) {
    case 'start':
      return startCommand(config, logger, process.env);
    case 'migrate':
      return withDatabase(config, logger, async (db) => {
        const { results = [] } = await migrateToLatest(db);
        process.stdout.write(
          results.length ? `Applied ${results.map((r) => r.migrationName).join(', ')}\n` : 'Up to date.\n',
        );
      });
    case 'create-app':
      return createAppCommand(config, logger, rest);
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

async function createAppCommand(config: ReturnType<typeof parseConfig>, logger: Logger, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { name: { type: 'string' }, origins: { type: 'string' }, 'retention-days': { type: 'string' } },
  });
  const name = values.name?.trim();
  if (!name) throw new UsageError('create-app needs --name NAME.');
  const retentionDays = Number(values['retention-days'] ?? config.retention.defaultDays);
  if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > 3_650) {
    throw new UsageError('--retention-days must be a whole number from 1 to 3650.');
  }
  const allowedOrigins = (values.origins ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of allowedOrigins) {
    if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
      throw new UsageError(`"${origin}" is not an origin (scheme://host[:port], no path).`);
    }
  }
  await withDatabase(config, logger, async (db) => {
    await migrateToLatest(db);
    const app = await createApplication(db, { name, retentionDays, allowedOrigins });
    process.stdout.write(
      `Created application "${app.name}" (${app.id})\nPublic key: ${app.public_key}\n\n${scriptTag(config.publicUrl, app.public_key)}\n`,
    );
  });
}

async function withDatabase(
  config: ReturnType<typeof parseConfig>,
  logger: Logger,
  work: (db: ReturnType<typeof createDatabase>) => Promise<void>,
): Promise<void> {
  const database = await openDatabase(config, logger);
  const db = createDatabase({ connectionString: database.url, poolSize: 2 });
  try {
    await work(db);
  } finally {
    await db.destroy();
    await database.stop();
  }
}

class UsageError extends Error {}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof UsageError) {
    process.stderr.write(`${error.message}\n${error instanceof UsageError ? `\n${USAGE}\n` : ''}`);
    process.exit(2);
  }
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  process.stderr.write(`hindsight: ${error instanceof Error ? error.message : String(error)}${cause}\n`);
  process.exit(1);
});
