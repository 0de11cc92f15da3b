import type { ChatMessageDto } from '@hindsight/shared';
import type { ChatContext, ChatMessage, ChatTransport } from '../loader/contracts';
import { mergeMessages } from './merge-messages';
import type { ChatFailure } from './server-transport';

/** After a failed updates stream, the first wait before the next (doubling up to the longest). */
const RETRY_FIRST_MS = 3_000;
const RETRY_LONGEST_MS = 30_000;
/** A stream the server ends sooner than this (without an error) is not reopened at once. */
const SHORT_STREAM_MS = 1_000;

/** What the panel draws. */
export interface ConversationState {
  messages: ChatMessage[];
  /** While a send runs: the reply so far ('' until its first piece arrives). Undefined otherwise. */
  reply?: string;
  /** What went wrong with the last send, shown with Retry. */
  error?: string;
}

export type Conversation = ReturnType<typeof createConversation>;

/**
 * The tab's conversation: painted at once from sessionStorage, reconciled with the server's (the source of truth),
 * replies streamed in. While the panel is open and the page visible, one updates stream brings operator replies as
 * they are written (no polling; a hidden tab holds no connection). Every message is handed to `ctx.onMessage`
 * once (the loader records it), whichever way it arrived.
 */
export function createConversation(ctx: ChatContext, transport: ChatTransport) {
  const { host, sessions } = ctx;
  const key = `hindsight:${ctx.appKey}:chat`;
  const listeners = new Set<() => void>();
  let state: ConversationState = { messages: [] };
  try {
    const saved = JSON.parse(host.tabStorage.get(key) ?? '{}') as { s?: string; m?: ChatMessage[] };
    // A copy from an ended session (its id is gone) is not this chat's.
    if (saved.s === sessions.current()?.id && Array.isArray(saved.m)) state.messages = saved.m;
  } catch {
    // unreadable copy: the server's history fills the panel
  }
  let synced = false;
  let sends = 0;
  let active = false;
  let watching: AbortController | undefined;
  let watchFailures = 0;
  let watchTimer: ReturnType<typeof setTimeout> | undefined;
  // Stream messages that arrive while a reply streams in: absorbed once it is done (no reply shown twice).
  let held: ChatMessageDto[] = [];
  let retryAt = 0;
  // Messages whose send failed (stored or not, with or without a reply): Retry sends them again, in order.
  let failed: ChatMessage[] = [];
  let queue = Promise.resolve();
  // Leaving the page: stop reading the reply and the updates. The server stores the reply anyway and the next
  // page's stream shows it (and records it there); a page that is going away must not change its DOM or record
  // events any more (its recorder has flushed). Back from the back/forward cache, the stream opens again.
  // Capture phase: at the window, capturing listeners run before the recorder's (bubbling) pagehide flush, so no
  // piece of a reply arrives between that flush and the abort (its recorder would lose the events).
  let leaving = new AbortController();
  host.window.addEventListener(
    'pagehide',
    () => {
      leaving.abort();
      stopWatching();
    },
    true,
  );
  host.window.addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    leaving = new AbortController();
    update({ reply: undefined });
    watch();
  });
  host.document.addEventListener('visibilitychange', () => (host.document.hidden ? stopWatching() : watch()));

  const update = (patch: Partial<ConversationState>) => {
    state = { ...state, ...patch };
    const session = sessions.current();
    if (session && patch.messages) host.tabStorage.set(key, host.stringify({ s: session.id, m: state.messages }));
    for (const listener of listeners) listener();
  };
  const absorb = (server: ChatMessageDto[], complete: boolean) => {
    const { messages, added } = mergeMessages(state.messages, server, complete);
    // Nothing new (a stream reopened with nothing missed, or each page's first stream bringing back the
    // conversation as this tab shows it): no redraw, no rewrite of the tab's copy.
    if (
      added.length === 0 &&
      messages.length === state.messages.length &&
      messages.every((m, i) => m === state.messages[i])
    )
      return;
    update({ messages });
    for (const message of added) ctx.onMessage(message);
  };

  /** Opens the updates stream if the panel is open, the page visible and there is a session; once at a time. */
  function watch(): void {
    const session = sessions.current();
    if (watching || !active || !session || host.document.hidden || leaving.signal.aborted) return;
    clearTimeout(watchTimer);
    const stream = new AbortController();
    watching = stream;
    const opened = Date.now();
    const sendsAtOpen = sends;
    const after = synced ? state.messages.reduce((id, m) => (m.id && +m.id > +id ? m.id : id), '0') : undefined;
    const receive = (messages: ChatMessageDto[], complete: boolean) => {
      if (stream.signal.aborted || session.id !== sessions.current()?.id) return;
      watchFailures = 0;
      if (state.reply !== undefined) held.push(...messages);
      // The whole conversation, unless a send ran since it was read (its messages are newer than this list).
      else absorb(messages, complete && sendsAtOpen === sends);
      synced = true;
    };
    transport
      .watch(session.id, after, receive, stream.signal)
      .then(
        () => undefined,
        (error: ChatFailure) => {
          if (stream.signal.aborted) return;
          // Reported once per outage, not at every attempt.
          if (watchFailures++ === 0) ctx.fail('chat', error);
          retryAt = Math.max(retryAt, Date.now() + (error.waitMs ?? 0));
        },
      )
      .finally(() => {
        if (watching !== stream) return;
        watching = undefined;
        // The server ends a stream after a few minutes: the next opens at once. After a failure, wait longer
        // each time (and at least the server's Retry-After).
        const wait = watchFailures
          ? Math.min(RETRY_LONGEST_MS, RETRY_FIRST_MS * 2 ** (watchFailures - 1))
          : Date.now() - opened < SHORT_STREAM_MS
            ? RETRY_FIRST_MS
            : 0;
        watchTimer = setTimeout(watch, Math.max(wait, retryAt - Date.now()));
      });
  }

  function stopWatching(): void {
    clearTimeout(watchTimer);
    watching?.abort();
    watching = undefined;
  }

  /** Sends one visitor message and reads its reply; answers whether it went through. */
  async function deliver(message: ChatMessage): Promise<boolean> {
    const session = sessions.ensure();
    const { signal } = leaving;
    if (signal.aborted) return false; // a queued send on a page that is going away: the next page can retry
    sends++;
    update({ reply: '', error: undefined });
    let error: string | undefined;
    let failure: ChatFailure | undefined;
    let answered = false;
    try {
      const wait = retryAt - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await transport.send(
        session.id,
        { text: message.text, clientId: message.clientId ?? '', visitorId: ctx.visitorId(), timestamp: message.at },
        (event) => {
          if (event.event === 'delta') update({ reply: state.reply + event.data.text });
          else if (event.event === 'error') error = event.data.message;
          else {
            answered = event.event !== 'stored';
            if (event.event !== 'quiet') absorb([event.data], false);
            if (answered) update({ reply: '' });
          }
        },
        signal,
      );
      if (!answered) error ??= 'The reply was interrupted.';
      if (error) ctx.fail('chat', `responder: ${error}`);
    } catch (caught) {
      if (signal.aborted) return false;
      failure = caught as ChatFailure;
      retryAt = Date.now() + (failure.waitMs ?? 0);
      // 4xx (429 included) carry the server's own words for the visitor; the rest gets ours.
      error = (failure.status ?? 500) < 500 ? failure.message : 'Your message could not be sent.';
      // One kind for the site's handler (a chat send failed), the transport's reason in the message.
      ctx.fail('chat', `${failure.kind ?? 'network'}: ${failure.message}`);
    }
    // A 4xx other than 429 (too long, unknown key...) will not go through by retrying: it stays shown, unsent.
    failed = failed.filter((m) => m !== message);
    if (error && (failure?.kind !== 'http' || error !== failure.message)) failed.push(message);
    update({ reply: undefined, error });
    absorb(held.splice(0), false);
    // The first message of a chat made its session: its updates can start.
    watch();
    return !error;
  }

  /** Runs sends one at a time: a message sent while a reply streams waits its turn. */
  const enqueue = (run: () => Promise<unknown>): Promise<void> => {
    queue = queue.then(run, run).then(() => undefined);
    return queue;
  };

  return {
    state: () => state,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Shows the visitor's message at once, records it, and sends it. */
    async send(text: string): Promise<void> {
      sessions.ensure();
      const message: ChatMessage = {
        role: 'visitor',
        text,
        at: Date.now(),
        clientId: Math.random().toString(36).slice(2),
      };
      update({ messages: [...state.messages, message] });
      ctx.onMessage(message);
      await enqueue(() => deliver(message));
    },
    /** Sends the failed messages again, each with its client id (the server stores each once), until one fails. */
    retry: () =>
      enqueue(async () => {
        for (const message of failed) if (!(await deliver(message))) return;
      }),
    /** The panel is open (true) or closed: the updates stream runs only while it is open. */
    setActive(open: boolean): void {
      active = open;
      if (open) watch();
      else stopWatching();
    },
    /** Forgets the conversation: the loader ended the session first, so nothing is saved again. */
    clear(): void {
      stopWatching();
      synced = false;
      held = [];
      host.tabStorage.remove(key);
      update({ messages: [], error: undefined });
    },
  };
}
