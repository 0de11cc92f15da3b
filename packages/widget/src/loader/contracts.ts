import type { ChatMessageDto, ChatStreamEvent, SendChatMessageRequest } from '@hindsight/shared';
import type { Host } from './host';
import type { SessionStore } from './session-store';

/** Events a site can listen to with `Hindsight('on', name, handler)`. */
export type WidgetEventName = 'ready' | 'session' | 'message' | 'error';
export type Emit = (name: WidgetEventName, data?: unknown) => void;

/** A chat message as the widget shows and records it. */
export interface ChatMessage {
  role: 'visitor' | 'assistant' | 'operator' | 'system';
  text: string;
  at: number;
  /** The server's id, once stored. */
  id?: string;
  /** Operators: who answered. */
  author?: string;
  /** Visitor messages: the widget's id for the send, reused by a retry so the server stores it once. */
  clientId?: string;
}

/** What the loader hands the lazily loaded recorder. */
export interface RecorderContext {
  host: Host;
  endpoint: string;
  appKey: string;
  sessions: SessionStore;
  visitorId: () => string;
  maskAllInputs: boolean;
  emit: Emit;
}

export interface Recorder {
  /** Records an rrweb custom event (chat messages, chat open/close) so the replay timeline can mark it. */
  addCustomEvent(tag: string, payload: unknown): void;
  /** Sends what is buffered now; resolves once it is queued for sending. */
  flush(): Promise<void>;
  /** Stops recording, sends what is left and resolves once the server has it (or after a timeout). */
  stop(): Promise<void>;
}

/** What the loader hands the lazily loaded chat panel. */
export interface ChatContext {
  host: Host;
  /** The shadow root the panel renders into (open, so rrweb records it). */
  root: ShadowRoot;
  title: string;
  greeting: string;
  /** Accent color (CSS). */
  accent: string;
  endpoint: string;
  appKey: string;
  /** The chat needs a session id even when nothing is recorded (GPC, recorder failure): `ensure` makes one. */
  sessions: SessionStore;
  visitorId: () => string;
  /** A message the panel shows for the first time in this tab: the loader records it and tells the site. */
  onMessage: (message: ChatMessage) => void;
  fail: (kind: string, error: unknown) => void;
  close: () => void;
  end: () => void;
}

export interface ChatPanel {
  /** Shows the panel; `focus: false` leaves the page's focus alone (a panel restored on a new page). */
  show(options?: { focus?: boolean }): void;
  hide(): void;
  /** Sends a visitor message; failures show in the panel (with Retry) and go to `fail`, never reject. */
  send(text: string): Promise<void>;
  /** Forgets the conversation (the chat ended). */
  clear(): void;
}

/** How the chat reaches its replies; the server's is the default, tests inject their own. */
export interface ChatTransport {
  send(
    sessionId: string,
    body: SendChatMessageRequest,
    onEvent: (event: ChatStreamEvent) => void,
    signal: AbortSignal,
  ): Promise<void>;
  /**
   * Follows the conversation until `signal` aborts or the server ends the stream (resolves) or it fails
   * (rejects): `onMessages` gets the messages after `after` (all of them, `complete`, without it), then each new
   * one as it is stored.
   */
  watch(
    sessionId: string,
    after: string | undefined,
    onMessages: (messages: ChatMessageDto[], complete: boolean) => void,
    signal: AbortSignal,
  ): Promise<void>;
}
