import type { EndReason, ResponderKind, Role, SessionStatus } from '@hindsight/shared';
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Column types as kysely sees them; rows never leave the server (routes map them to `@hindsight/shared` types). */
export interface Database {
  applications: ApplicationsTable;
  sessions: SessionsTable;
  chunks: ChunksTable;
  users: UsersTable;
  user_applications: UserApplicationsTable;
  auth_sessions: AuthSessionsTable;
  api_tokens: ApiTokensTable;
  invites: InvitesTable;
  audit_log: AuditLogTable;
  messages: MessagesTable;
  application_counters: ApplicationCountersTable;
  activity_hours: ActivityHoursTable;
  conversations: ConversationsTable;
  responder_settings: ResponderSettingsTable;
  knowledge_entries: KnowledgeEntriesTable;
}

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** bigint columns: node-postgres returns them as strings; the db layer parses them to numbers (see database.ts). */
type BigCount = ColumnType<number, number, number>;

export interface ApplicationsTable {
  id: Generated<string>;
  name: string;
  public_key: string;
  allowed_origins: ColumnType<string[], string[] | undefined, string[]>;
  retention_days: number;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  id: string;
  application_id: string;
  visitor_id: string | null;
  status: SessionStatus;
  end_reason: EndReason | null;
  started_at: Timestamp;
  last_activity_at: Timestamp;
  ended_at: Timestamp | null;
  /** Set when the latest batch was a pagehide flush; cleared by any later batch. */
  pagehide_at: Timestamp | null;
  landing_url: string | null;
  landing_seq: number | null;
  last_seq: number;
  referrer: string | null;
  user_agent: string | null;
  browser: string | null;
  os: string | null;
  device: string | null;
  viewport_width: number | null;
  viewport_height: number | null;
  page_count: number;
  event_count: BigCount;
  chunk_count: number;
  compressed_bytes: BigCount;
  raw_bytes: BigCount;
  dropped_events: number;
  /** A full snapshot has been received, so the session can be replayed. */
  replayable: boolean;
  /** rrweb timestamps (ms, client clock) of the earliest and latest event received. */
  first_timestamp: BigCount | null;
  last_timestamp: BigCount | null;
}

export interface ChunksTable {
  session_id: string;
  seq: number;
  /** rrweb timestamps (ms since the epoch, client clock) of the first and last event. */
  first_timestamp: BigCount;
  last_timestamp: BigCount;
  event_count: number;
  raw_bytes: number;
  /** The gzip body exactly as received. */
  data: Buffer;
  received_at: Timestamp;
}

export type ApplicationRow = Selectable<ApplicationsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type NewSession = Insertable<SessionsTable>;
export type ChunkRow = Selectable<ChunksTable>;

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: Role;
  /** `scrypt$N$r$p$salt$hash` (see auth/password.ts). */
  password_hash: string;
  created_at: Generated<Date>;
  last_sign_in_at: Timestamp | null;
}

export interface UserApplicationsTable {
  user_id: string;
  application_id: string;
}

export interface AuthSessionsTable {
  id: Generated<string>;
  /** SHA-256 of the cookie's token: a leaked table row cannot sign anyone in. */
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  address: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<string>;
  token_hash: string;
  prefix: string;
  name: string;
  user_id: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface InvitesTable {
  id: Generated<string>;
  token_hash: string;
  kind: 'setup' | 'invite';
  email: string | null;
  role: Role;
  app_ids: ColumnType<string[], string[] | undefined, string[]>;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface AuditLogTable {
  /** bigserial, parsed to a number like every int8 (database.ts). */
  id: Generated<number>;
  at: Timestamp;
  action: string;
  user_id: string | null;
  user_email: string | null;
  application_id: string | null;
  session_id: string | null;
  details: ColumnType<Record<string, unknown>, string, string>;
  address: string | null;
  user_agent: string | null;
}

export interface MessagesTable {
  id: Generated<number>;
  application_id: string;
  session_id: string;
  role: string;
  text: string;
  at: Timestamp;
  /** rrweb timestamp (client clock, ms) of the recorded custom event. */
  timestamp: BigCount;
  /** Position of the custom event in its batch (recorded messages only). */
  source_seq: number | null;
  source_index: number | null;
  source: Generated<'recording' | 'chat'>;
  /** A visitor message the responder could not answer (no good match, a failure): the owner should look. */
  unanswered: Generated<boolean>;
  /** The widget's id of a visitor message: a retried send is stored once. */
  client_id: string | null;
  /** Operator replies: the user's name. */
  author: string | null;
}

export interface ConversationsTable {
  /** The session id. */
  id: string;
  application_id: string;
  visitor_id: string | null;
  created_at: Timestamp;
  last_message_at: Timestamp;
  operator_replied_at: Timestamp | null;
}

export interface ResponderSettingsTable {
  application_id: string;
  kind: ResponderKind;
  openai_base_url: Generated<string>;
  openai_model: Generated<string>;
  openai_system_prompt: Generated<string>;
  openai_temperature: Generated<number>;
  openai_max_tokens: Generated<number>;
  openai_api_key_sealed: string | null;
  webhook_url: Generated<string>;
  webhook_secret_sealed: string | null;
  operator_quiet_minutes: Generated<number>;
  timeout_seconds: Generated<number>;
  updated_at: Generated<Date>;
}

export interface KnowledgeEntriesTable {
  id: Generated<string>;
  application_id: string;
  question: string;
  answer: string;
  link: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ApplicationCountersTable {
  application_id: string;
  sessions: BigCount;
  active: BigCount;
  completed_events: BigCount;
  /** Events of active sessions as of the last lifecycle sweep (moved exactly on completion and deletion). */
  active_events: BigCount;
}

export interface ActivityHoursTable {
  application_id: string;
  hour: Timestamp;
  sessions: number;
  prompts: number;
}

export type UserRow = Selectable<UsersTable>;
export type AuthSessionRow = Selectable<AuthSessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
export type InviteRow = Selectable<InvitesTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type ConversationRow = Selectable<ConversationsTable>;
export type ResponderSettingsRow = Selectable<ResponderSettingsTable>;
export type KnowledgeEntryRow = Selectable<KnowledgeEntriesTable>;
export type MessageRow = Selectable<MessagesTable>;
