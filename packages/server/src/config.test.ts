import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

describe('parseConfig', () => {
  it('has working defaults', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: undefined,
      dataDir: './data',
      publicUrl: 'http://localhost:8080',
      workers: 1,
      ingest: { maxBodyBytes: 1_048_576, maxInflatedBytes: 16_777_216 },
      lifecycle: { idleTimeoutMs: 15 * 60_000, pagehideGraceMs: 120_000, maxDurationMs: 4 * 3_600_000 },
      retention: { defaultDays: 30 },
    });
    expect(Object.isFrozen(config.lifecycle)).toBe(true);
  });

  it('lists every problem in one error and never echoes a database URL', () => {
    let error: unknown;
    try {
      parseConfig({
        PORT: 'eighty',
        HINDSIGHT_WORKERS: '0',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'not a url :secret@',
        TRUST_PROXY: 'maybe',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems).toHaveLength(5);
    for (const name of ['PORT', 'HINDSIGHT_WORKERS', 'LOG_LEVEL', 'DATABASE_URL', 'TRUST_PROXY']) {
      expect(message).toContain(name);
    }
    expect(message).not.toContain('secret');
  });

  it('strips a trailing slash from PUBLIC_URL and reads durations in their units', () => {
    const config = parseConfig({
      PUBLIC_URL: 'https://replay.example/',
      SESSION_IDLE_MINUTES: '5',
      RETENTION_DAYS: '90',
    });
    expect(config.publicUrl).toBe('https://replay.example');
    expect(config.lifecycle.idleTimeoutMs).toBe(300_000);
    expect(config.retention.defaultDays).toBe(90);
  });
});
