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
  /** Messages so far, and a way to add one (the loader records it and tells listeners). */
  messages: () => ChatMessage[];
  subscribe: (listener: () => void) => () => void;
  sendVisitorMessage: (text: string) => Promise<void>;
  close: () => void;
  end: () => void;
}

export interface ChatPanel {
  show(): void;
  hide(): void;
  destroy(): void;
}
