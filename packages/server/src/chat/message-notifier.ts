import type pg from 'pg';
import { type Db, openOutsideConnection } from '../db/database';
import type { Logger } from '../observability/logger';

/** Where the database announces stored chat messages (migration 2026-11-22T04-message-notify). */
const CHANNEL = 'hindsight_messages';
/** While nobody listens (the connection is down): how often every subscriber looks for new messages anyway. */
const FALLBACK_WAKE_MS = 3_000;
const RECONNECT_MAX_MS = 30_000;

export interface MessageSubscriber {
  /** A chat message of the session may have been stored: look. */
  wake(): void;
  /** The server is shutting down: end the stream. */
  closed(): void;
}

export type MessageNotifier = ReturnType<typeof createMessageNotifier>;

/**
 * Tells this process's updates streams when a chat message of their session is stored, by any process: one
 * connection per process LISTENs to the database's announcements (so cluster workers and servers sharing a
 * database hear each other). Connects on the first subscriber. If the connection drops, subscribers are woken
 * every 3 s until it is back, then once more (for what was stored meanwhile), so a reply is late, never lost.
 */
export function createMessageNotifier(db: Db, logger: Logger) {
  const subscribers = new Map<string, Set<MessageSubscriber>>();
  let client: pg.Client | undefined;
  let closed = false;
  let failures = 0;
  let fallback: NodeJS.Timeout | undefined;
  let reconnect: NodeJS.Timeout | undefined;

  const wakeAll = () => {
    for (const set of subscribers.values()) for (const subscriber of set) subscriber.wake();
  };

  async function connect(): Promise<void> {
    const next = openOutsideConnection(db);
    client = next;
    next.on('notification', ({ channel, payload }) => {
      if (channel !== CHANNEL || !payload) return;
      for (const subscriber of subscribers.get(payload) ?? []) subscriber.wake();
    });
    next.on('error', (error) => lost(next, error));
    next.on('end', () => lost(next, new Error('the connection ended')));
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      return lost(next, error);
    }
    if (client !== next) return;
    if (failures > 0) logger.info('chat notifications are back');
    failures = 0;
    clearInterval(fallback);
    fallback = undefined;
    wakeAll();
  }

  function lost(which: pg.Client, error: unknown): void {
    if (client !== which || closed) return;
    client = undefined;
    which.end().catch(() => undefined);
    // Reported once per outage, not at every reconnect attempt.
    if (failures === 0)
      logger.warn('chat notifications lost: open chats look every 3 s until they are back', { error });
    failures++;
    fallback ??= setInterval(wakeAll, FALLBACK_WAKE_MS).unref();
    const delay = Math.min(RECONNECT_MAX_MS, 500 * 2 ** failures);
    reconnect = setTimeout(() => {
      reconnect = undefined;
      void connect();
    }, delay).unref();
  }

  return {
    /** Wakes `subscriber` on every message stored for `sessionId`; returns how to stop. */
    subscribe(sessionId: string, subscriber: MessageSubscriber): () => void {
      if (closed) {
        subscriber.closed();
        return () => undefined;
      }
      const set = subscribers.get(sessionId) ?? new Set();
      subscribers.set(sessionId, set.add(subscriber));
      if (!client && !reconnect) void connect();
      return () => {
        set.delete(subscriber);
        if (set.size === 0 && subscribers.get(sessionId) === set) subscribers.delete(sessionId);
      };
    },
    /** Ends every subscriber's stream and the connection (at shutdown, before the HTTP server waits on them). */
    async close(): Promise<void> {
      closed = true;
      clearInterval(fallback);
      clearTimeout(reconnect);
      const all = [...subscribers.values()].flatMap((set) => [...set]);
      subscribers.clear();
      for (const subscriber of all) subscriber.closed();
      await client?.end().catch(() => undefined);
      client = undefined;
    },
  };
}
