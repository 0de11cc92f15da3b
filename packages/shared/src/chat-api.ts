/**
 * The chat API: the widget's side (`/chat/v1/...`, public key + session id, CORS) and the dashboard's side
 * (`/api/...`: responder settings, knowledge entries, conversations, operator replies).
 */

/** `POST` a visitor message (answered as a server-sent event stream); `GET` the conversation's messages. */
export const CHAT_MESSAGES_PATH = '/chat/v1/messages';

/**
 * `GET /chat/v1/updates?key=&session=&after=<id>`: the conversation as server-sent events (`ChatUpdateEvent`),
 * held open while the widget's panel is, so operator replies arrive as they are written, without polling.
 */
export const CHAT_UPDATES_PATH = '/chat/v1/updates';

export const MAX_MESSAGE_LENGTH = 4_000;

export const MESSAGE_ROLES = ['visitor', 'assistant', 'operator', 'system'] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];

export interface ChatMessageDto {
  id: string;
  role: MessageRole;
  text: string;
  createdAt: string;
  /** Operators: who answered (their name). */
  author?: string;
  /** Visitor messages: the widget's id for the message (`SendChatMessageRequest.clientId`). */
  clientId?: string;
}

/** `GET /chat/v1/messages?key=&session=&after=<id>`: messages after `after` (all without it), oldest first. */
export interface ChatHistoryResponse {
  messages: ChatMessageDto[];
}

/**
 * An event of the updates stream: `messages`, first the messages after `after` (all of them, `complete`, without
 * it), then each time new ones are stored. The server ends the stream after a few minutes (the widget opens the
 * next one, `after` its newest message) and sends a comment line every 25 s so that proxies keep it open.
 */
export type ChatUpdateEvent = { event: 'messages'; data: { messages: ChatMessageDto[]; complete: boolean } };

/** Body of `POST /chat/v1/messages?key=&session=`. */
export interface SendChatMessageRequest {
  text: string;
  /** The widget's id for this message: a retried send stores it once. */
  clientId: string;
  visitorId?: string;
  /** Page time of the message (ms since the epoch), to place it in the recording. */
  timestamp?: number;
}

/**
 * Server-sent events of a send: `stored` (the visitor message as stored), any number of `delta` (`{ text }`, the
 * reply so far grows by it), then `reply` (the reply as stored), or `quiet` (an operator is handling the chat: no
 * automatic reply), or `error` (`{ code, message }`: the visitor may retry; their message is kept).
 */
export type ChatStreamEvent =
  | { event: 'stored'; data: ChatMessageDto }
  | { event: 'delta'; data: { text: string } }
  | { event: 'reply'; data: ChatMessageDto }
  | { event: 'quiet'; data: Record<string, never> }
  | { event: 'error'; data: { code: string; message: string } };

export const RESPONDER_KINDS = ['knowledge', 'openai', 'webhook'] as const;
export type ResponderKind = (typeof RESPONDER_KINDS)[number];

/** `GET/PUT /api/apps/:appId/responder`. Secrets are write-only: answers say whether one is set, never its value. */
export interface ResponderSettings {
  kind: ResponderKind;
  openai: {
    baseUrl: string;
    model: string;
    systemPrompt: string;
    temperature: number;
    maxTokens: number;
    apiKeySet: boolean;
  };
  webhook: { url: string; secretSet: boolean };
  /** After an operator's reply, the automatic responder stays quiet this long. */
  operatorQuietMinutes: number;
  timeoutSeconds: number;
}

/** `PUT` body: like ResponderSettings, with secrets given in clear to set them (omit to keep, `''` to clear). */
export interface ResponderSettingsUpdate {
  kind?: ResponderKind;
  openai?: Partial<Omit<ResponderSettings['openai'], 'apiKeySet'>> & { apiKey?: string };
  webhook?: { url?: string; secret?: string };
  operatorQuietMinutes?: number;
  timeoutSeconds?: number;
}

export interface KnowledgeEntry {
  id: string;
  question: string;
  answer: string;
  /** Optional link shown with the answer. */
  link: string | null;
  updatedAt: string;
}

/** `GET /api/sessions/:id/conversation` */
export interface ConversationResponse {
  sessionId: string;
  messages: (ChatMessageDto & { unanswered: boolean; offsetMs: number | null })[];
  operatorRepliedAt: string | null;
}
