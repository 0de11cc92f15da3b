import type { EndReason, SessionStatus } from './ingest';

/**
 * The dashboard API (`/api/...`): the types the server answers with and the SPA reads. Times are ISO 8601
 * strings; rrweb timestamps and offsets are milliseconds.
 */

export const PERMISSIONS = [
  'sessions.view',
  'recordings.view',
  'recordings.download',
  'apps.manage',
  'users.manage',
  'audit.view',
  'conversations.reply',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['owner', 'admin', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What each role may do. Owners and admins see every application; a viewer only the ones granted to them, and
 * may download what they may watch (a download shows nothing a replay does not). Admins differ from owners in
 * one way: only an owner may grant, change or remove the owner role.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  owner: PERMISSIONS,
  admin: PERMISSIONS,
  viewer: ['sessions.view', 'recordings.view', 'recordings.download'],
};

/** Passwords: long enough to resist guessing, short enough to hash cheaply. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** Header carrying the CSRF token on every mutating request made with the session cookie. */
export const CSRF_HEADER = 'X-CSRF-Token';
/** Name of the HttpOnly sign-in cookie. */
export const SESSION_COOKIE = 'hindsight_session';

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Applications a viewer may see; owners and admins see all (empty list here). */
  appIds: string[];
  createdAt: string;
  lastSignInAt: string | null;
}

/** `GET /api/auth/me` */
export interface MeResponse {
  user: UserSummary;
  permissions: Permission[];
  /** Send back in the `X-CSRF-Token` header on POST / PATCH / DELETE. */
  csrfToken: string;
}

/** `GET /api/setup`: whether the first owner still has to be created (with the one-time link from the log). */
export interface SetupStatusResponse {
  needsSetup: boolean;
}

export interface AppSummary {
  id: string;
  name: string;
  publicKey: string;
  allowedOrigins: string[];
  retentionDays: number;
  createdAt: string;
  /** The exact tag to paste into the site. */
  snippet: string;
}

/** `GET /api/apps` */
export interface AppsResponse {
  apps: AppSummary[];
}

export const SESSION_FILTERS = ['all', 'active', 'completed'] as const;
export type SessionFilter = (typeof SESSION_FILTERS)[number];

export interface SessionSummary {
  id: string;
  appId: string;
  status: SessionStatus;
  endReason: EndReason | null;
  landingUrl: string | null;
  startedAt: string;
  endedAt: string | null;
  lastActivityAt: string;
  /** Recorded duration (last minus first event), ms; 0 until two events exist. */
  durationMs: number;
  eventCount: number;
  pageCount: number;
  replayable: boolean;
  visitorId: string | null;
  browser: string | null;
  os: string | null;
  device: string | null;
}

export interface SessionCounts {
  total: number;
  active: number;
  completed: number;
  events: number;
}

/** `GET /api/apps/:appId/sessions?status=&cursor=&limit=&q=` */
export interface SessionsResponse {
  sessions: SessionSummary[];
  counts: SessionCounts;
  nextCursor: string | null;
}

export interface ChunkInfo {
  seq: number;
  firstTimestamp: number;
  lastTimestamp: number;
  eventCount: number;
  rawBytes: number;
  compressedBytes: number;
}

export interface RecordedMessage {
  role: string;
  text: string;
  /** rrweb timestamp of the message's custom event. */
  timestamp: number;
}

export interface PageVisit {
  url: string;
  /** rrweb timestamp of the page's first (Meta) event. */
  timestamp: number;
}

/** `GET /api/sessions/:id`: everything the replay needs before the first event arrives. */
export interface SessionDetailResponse {
  session: SessionSummary & {
    referrer: string | null;
    userAgent: string | null;
    viewportWidth: number | null;
    viewportHeight: number | null;
    firstTimestamp: number | null;
    lastTimestamp: number | null;
    compressedBytes: number;
    rawBytes: number;
    droppedEvents: number;
  };
  app: { id: string; name: string };
  chunks: ChunkInfo[];
  messages: RecordedMessage[];
}

/**
 * `GET /api/sessions/:id/chunks?after=<seq>&limit=`: the stored chunks in sequence order as one binary stream of
 * frames `[u32 seq][u32 byteLength][gzip bytes]` (big-endian). Each gzip body is a batch exactly as the widget
 * sent it (`IngestBatch` JSON). Response header `X-Hindsight-Last-Seq` gives the session's highest stored seq.
 */
export const CHUNK_FRAME_HEADER_BYTES = 8;

export const ACTIVITY_TYPES = ['all', 'prompts', 'sessions'] as const;
export type ActivityFilter = (typeof ACTIVITY_TYPES)[number];

export type ActivityItem =
  | {
      type: 'prompt';
      at: string;
      sessionId: string;
      text: string;
      /** Offset into the recording, ms (for `/sessions/:id#t=`). */
      offsetMs: number;
      /** The responder had no good answer (or failed): worth a knowledge entry or a reply. */
      unanswered: boolean;
    }
  | {
      type: 'session';
      at: string;
      sessionId: string;
      landingUrl: string | null;
      status: SessionStatus;
      eventCount: number;
    };

/** `GET /api/apps/:appId/activity?type=&cursor=` */
export interface ActivityResponse {
  items: ActivityItem[];
  nextCursor: string | null;
}

export const CHART_RANGES = ['24h', '30d'] as const;
export type ChartRange = (typeof CHART_RANGES)[number];

/** `GET /api/apps/:appId/activity/chart?range=`: sessions started per hour (24h) or per day (30d), oldest first. */
export interface ActivityChartResponse {
  range: ChartRange;
  buckets: { start: string; sessions: number; prompts: number }[];
  totals: { sessions: number; prompts: number };
}

export const AUDIT_ACTIONS = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'auth.session_revoked',
  'setup.owner_created',
  'token.created',
  'token.revoked',
  'user.invited',
  'user.joined',
  'user.updated',
  'user.removed',
  'app.created',
  'app.updated',
  'replay.viewed',
  'recording.downloaded',
  'sessions.exported',
  'session.erased',
  'visitor.erased',
  'audit.exported',
  'conversation.replied',
  'responder.updated',
  'knowledge.changed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  id: string;
  at: string;
  action: AuditAction;
  userId: string | null;
  userEmail: string | null;
  appId: string | null;
  sessionId: string | null;
  /** Extra facts about the action (format, counts, changed fields), never secrets. */
  details: Record<string, unknown>;
  address: string | null;
  userAgent: string | null;
}

/** `GET /api/audit?action=&userId=&appId=&cursor=` */
export interface AuditResponse {
  entries: AuditEntry[];
  nextCursor: string | null;
}

export interface ApiTokenSummary {
  id: string;
  name: string;
  /** The first characters, to recognise a token; the whole token is shown only once. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** `POST /api/tokens` answers the token itself, once. */
export interface CreatedApiToken extends ApiTokenSummary {
  token: string;
}

export interface SignInSession {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  address: string | null;
  userAgent: string | null;
  current: boolean;
}

/** `POST /api/invites` answers the one-time link. */
export interface CreatedInvite {
  id: string;
  email: string;
  role: Role;
  appIds: string[];
  expiresAt: string;
  url: string;
}
