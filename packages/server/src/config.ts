/**
 * Server configuration: read from the environment once at start, validated as a whole (every problem is
 * listed in one error), then passed down as a frozen object. Only the entry point reads process.env.
 */

import { EMAIL_PATTERN } from './auth/email';
import { PASSWORD_MIN_LENGTH } from './auth/password';

export interface Config {
  port: number;
  host: string;
  /** External PostgreSQL; when absent an embedded PostgreSQL is started under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Origin the widget and dashboard are reached at, used in printed URLs and the script tag. */
  publicUrl: string;
  logLevel: LogLevel;
  /** Processes sharing the port (node:cluster). */
  workers: number;
  /** Trust X-Forwarded-For for the client address (only behind a proxy you run). */
  trustProxy: boolean;
  /** Serve the example site at /demo/ (when the repository's examples/demo is present). */
  demo: boolean;
  /** When set, GET /metrics requires `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
  auth: AuthConfig;
  chat: ChatConfig;
  /** HINDSIGHT_SECRET_KEY: seals stored secrets; when unset, one is generated under `dataDir`. */
  secretKey: Buffer | undefined;
  lifecycle: LifecycleConfig;
  retention: { defaultDays: number; sweepIntervalMs: number; batchSize: number };
  ingest: IngestLimits;
  rateLimit: RateLimitConfig;
}

export interface AuthConfig {
  /** With `adminPassword`: the owner account created on first start (otherwise a one-time setup link is logged). */
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** A sign-in lasts this long without use (sliding), and never longer than `sessionMaxMs`. */
  sessionIdleMs: number;
  sessionMaxMs: number;
  /** Secure cookies (HTTPS). Defaults to whether PUBLIC_URL is https. */
  secureCookies: boolean;
}

export interface ChatConfig {
  /** Visitor messages per session (sustained per minute, burst); chat requests (sends and polls) per address. */
  perSessionPerMinute: number;
  perSessionBurst: number;
  perAddressPerMinute: number;
  perAddressBurst: number;
}

export interface LifecycleConfig {
  idleTimeoutMs: number;
  /** After a pagehide flush, how long a following batch may take to continue the session. */
  pagehideGraceMs: number;
  maxDurationMs: number;
  sweepIntervalMs: number;
}

export interface IngestLimits {
  maxBodyBytes: number;
  maxInflatedBytes: number;
}

export interface RateLimitConfig {
  /** Batches per second allowed per public key (sustained), with a burst of `perKeyBurst`. */
  perKeyPerSecond: number;
  perKeyBurst: number;
  perAddressPerSecond: number;
  perAddressBurst: number;
}

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

type Env = Record<string, string | undefined>;

/** Thrown when the environment holds invalid settings; `problems` lists every one. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const MINUTE_MS = 60_000;

/** Parses the environment into a frozen Config, or throws ConfigError naming every bad variable. */
export function parseConfig(env: Env): Readonly<Config> {
  const problems: string[] = [];
  const read = createReader(env, problems);

  const port = read.int('PORT', 8080, 0, 65_535);
  const host = read.string('HOST', '0.0.0.0');
  const publicUrl = read.url('PUBLIC_URL', `http://localhost:${port}`);
  const config: Config = {
    port,
    host,
    databaseUrl: read.optionalUrl('DATABASE_URL'),
    dataDir: read.string('DATA_DIR', './data'),
    publicUrl: publicUrl.replace(/\/+$/, ''),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    workers: read.int('HINDSIGHT_WORKERS', 1, 1, 64),
    trustProxy: read.bool('TRUST_PROXY', false),
    metricsToken: read.optionalString('METRICS_TOKEN'),
    demo: read.bool('HINDSIGHT_DEMO', true),
    auth: {
      adminEmail: read.optionalString('HINDSIGHT_ADMIN_EMAIL'),
      adminPassword: read.optionalString('HINDSIGHT_ADMIN_PASSWORD'),
      sessionIdleMs: read.int('AUTH_SESSION_IDLE_HOURS', 24 * 7, 1, 24 * 365) * 3_600_000,
      sessionMaxMs: read.int('AUTH_SESSION_MAX_DAYS', 30, 1, 365) * 24 * 3_600_000,
      secureCookies: read.bool('SECURE_COOKIES', publicUrl.startsWith('https:')),
    },
    chat: {
      perSessionPerMinute: read.int('CHAT_RATE_SESSION_PER_MINUTE', 10, 1, 10_000),
      perSessionBurst: read.int('CHAT_RATE_SESSION_BURST', 5, 1, 10_000),
      perAddressPerMinute: read.int('CHAT_RATE_ADDRESS_PER_MINUTE', 120, 1, 100_000),
      perAddressBurst: read.int('CHAT_RATE_ADDRESS_BURST', 60, 1, 100_000),
    },
    secretKey: readSecretKey(read.optionalString('HINDSIGHT_SECRET_KEY'), problems),
    lifecycle: {
      idleTimeoutMs: read.int('SESSION_IDLE_MINUTES', 15, 1, 24 * 60) * MINUTE_MS,
      pagehideGraceMs: read.int('SESSION_PAGEHIDE_GRACE_SECONDS', 120, 1, 3_600) * 1_000,
      maxDurationMs: read.int('SESSION_MAX_DURATION_MINUTES', 240, 1, 7 * 24 * 60) * MINUTE_MS,
      sweepIntervalMs: read.int('SESSION_SWEEP_INTERVAL_SECONDS', 15, 1, 3_600) * 1_000,
    },
    retention: {
      defaultDays: read.int('RETENTION_DAYS', 30, 1, 3_650),
      sweepIntervalMs: read.int('RETENTION_SWEEP_INTERVAL_MINUTES', 60, 1, 24 * 60) * MINUTE_MS,
      batchSize: read.int('RETENTION_BATCH_SIZE', 200, 1, 10_000),
    },
    ingest: {
      maxBodyBytes: read.int('INGEST_MAX_BODY_BYTES', 1_048_576, 1_024, 64 * 1_048_576),
      maxInflatedBytes: read.int('INGEST_MAX_INFLATED_BYTES', 16 * 1_048_576, 1_024, 512 * 1_048_576),
    },
    rateLimit: {
      perKeyPerSecond: read.int('RATE_LIMIT_KEY_PER_SECOND', 1_000, 1, 1_000_000),
      perKeyBurst: read.int('RATE_LIMIT_KEY_BURST', 2_000, 1, 1_000_000),
      perAddressPerSecond: read.int('RATE_LIMIT_ADDRESS_PER_SECOND', 50, 1, 1_000_000),
      perAddressBurst: read.int('RATE_LIMIT_ADDRESS_BURST', 200, 1, 1_000_000),
    },
  };
  const { adminEmail, adminPassword } = config.auth;
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    problems.push('HINDSIGHT_ADMIN_EMAIL and HINDSIGHT_ADMIN_PASSWORD must be set together');
  }
  if (adminEmail !== undefined && !EMAIL_PATTERN.test(adminEmail)) {
    problems.push('HINDSIGHT_ADMIN_EMAIL must be an email address');
  }
  if (adminPassword !== undefined && adminPassword.length < PASSWORD_MIN_LENGTH) {
    // Never echo the value.
    problems.push(`HINDSIGHT_ADMIN_PASSWORD must be at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return deepFreeze(config);
}

function readSecretKey(value: string | undefined, problems: string[]): Buffer | undefined {
  if (value === undefined) return undefined;
  // Never echo the value.
  if (!/^[0-9a-fA-F]{64}$/.test(value)) problems.push('HINDSIGHT_SECRET_KEY must be 64 hex characters (32 bytes)');
  return Buffer.from(value, 'hex');
}

function createReader(env: Env, problems: string[]) {
  const raw = (name: string) => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  return {
    string(name: string, fallback: string): string {
      return raw(name) ?? fallback;
    },
    optionalString(name: string): string | undefined {
      return raw(name);
    },
    int(name: string, fallback: number, min: number, max: number): number {
      const value = raw(name);
      if (value === undefined) return fallback;
      const parsed = Number(value);
      if (!/^-?\d+$/.test(value) || parsed < min || parsed > max) {
        problems.push(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
        return fallback;
      }
      return parsed;
    },
    bool(name: string, fallback: boolean): boolean {
      const value = raw(name)?.toLowerCase();
      if (value === undefined) return fallback;
      if (['1', 'true', 'yes'].includes(value)) return true;
      if (['0', 'false', 'no'].includes(value)) return false;
      problems.push(`${name} must be true or false (got "${value}")`);
      return fallback;
    },
    oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
      const value = raw(name);
      if (value === undefined) return fallback;
      if ((allowed as readonly string[]).includes(value)) return value as T;
      problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
      return fallback;
    },
    url(name: string, fallback: string): string {
      return this.optionalUrl(name) ?? fallback;
    },
    optionalUrl(name: string): string | undefined {
      const value = raw(name);
      if (value === undefined) return undefined;
      if (!URL.canParse(value)) {
        // Never echo the value: a DATABASE_URL carries a password.
        problems.push(`${name} must be a valid URL`);
        return undefined;
      }
      return value;
    },
  };
}

function deepFreeze<T extends object>(value: T): Readonly<T> {
  for (const child of Object.values(value)) {
    // Typed arrays (the secret key) cannot be frozen; nothing hands them out to change.
    if (child && typeof child === 'object' && !ArrayBuffer.isView(child)) deepFreeze(child);
  }
  return Object.freeze(value);
}
