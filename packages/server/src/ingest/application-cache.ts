import type { IngestApplication } from '../repos/applications-repo';

/**
 * Remembers public-key lookups for a short time, so a busy session does not cost a database round trip per
 * batch just to authorise it, and a flood of made-up keys does not reach the database either. Changes to an
 * application (allowed origins) apply within `ttlMs`.
 */
export function createApplicationCache(options: {
  load: (publicKey: string) => Promise<IngestApplication | undefined>;
  ttlMs: number;
  maxEntries?: number;
  now?: () => number;
}) {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, { expiresAtMs: number; value: Promise<IngestApplication | undefined> }>();

  return {
    get(publicKey: string): Promise<IngestApplication | undefined> {
      const cached = entries.get(publicKey);
      if (cached && cached.expiresAtMs > now()) return cached.value;
      if (entries.size >= maxEntries) entries.clear();
      const value = options.load(publicKey);
      entries.set(publicKey, { expiresAtMs: now() + options.ttlMs, value });
      // A failed lookup (database down) must not be remembered.
      value.catch(() => entries.delete(publicKey));
      return value;
    },
  };
}

export type ApplicationCache = ReturnType<typeof createApplicationCache>;
