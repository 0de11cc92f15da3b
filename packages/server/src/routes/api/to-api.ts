import type {
  ApiTokenSummary,
  AppSummary,
  AuditAction,
  AuditEntry,
  SessionDetailResponse,
  SessionSummary,
  SignInSession,
  UserSummary,
} from '@hindsight/shared';
import { scriptTag } from '../../bootstrap';
import type { ApiTokenRow, ApplicationRow, AuditRow, AuthSessionRow, SessionRow } from '../../db/schema';
import type { UserWithApps } from '../../repos/users-repo';

/** Row -> API mappers: rows never leave the server as they are. */

export function toUserSummary(user: UserWithApps): UserSummary {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    appIds: user.app_ids,
    createdAt: user.created_at.toISOString(),
    lastSignInAt: user.last_sign_in_at?.toISOString() ?? null,
  };
}

export function toAppSummary(app: ApplicationRow, publicUrl: string): AppSummary {
  return {
    id: app.id,
    name: app.name,
    publicKey: app.public_key,
    allowedOrigins: app.allowed_origins,
    retentionDays: app.retention_days,
    createdAt: app.created_at.toISOString(),
    snippet: scriptTag(publicUrl, app.public_key),
  };
}

export function toSessionSummary(s: SessionRow): SessionSummary {
  return {
    id: s.id,
    appId: s.application_id,
    status: s.status,
    endReason: s.end_reason,
    landingUrl: s.landing_url,
    startedAt: s.started_at.toISOString(),
    endedAt: s.ended_at?.toISOString() ?? null,
    lastActivityAt: s.last_activity_at.toISOString(),
    durationMs:
      s.first_timestamp !== null && s.last_timestamp !== null ? Math.max(0, s.last_timestamp - s.first_timestamp) : 0,
    eventCount: s.event_count,
    pageCount: s.page_count,
    replayable: s.replayable,
    visitorId: s.visitor_id,
    browser: s.browser,
    os: s.os,
    device: s.device,
  };
}

export function toSessionDetail(s: SessionRow): SessionDetailResponse['session'] {
  return {
    ...toSessionSummary(s),
    referrer: s.referrer,
    userAgent: s.user_agent,
    viewportWidth: s.viewport_width,
    viewportHeight: s.viewport_height,
    firstTimestamp: s.first_timestamp,
    lastTimestamp: s.last_timestamp,
    compressedBytes: s.compressed_bytes,
    rawBytes: s.raw_bytes,
    droppedEvents: s.dropped_events,
  };
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    action: row.action as AuditAction,
    userId: row.user_id,
    userEmail: row.user_email,
    appId: row.application_id,
    sessionId: row.session_id,
    details: row.details,
    address: row.address,
    userAgent: row.user_agent,
  };
}

export function toTokenSummary(row: ApiTokenRow): ApiTokenSummary {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}

export function toSignInSession(row: AuthSessionRow, currentId: string): SignInSession {
  return {
    id: row.id,
    createdAt: row.created_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    address: row.address,
    userAgent: row.user_agent,
    current: row.id === currentId,
  };
}
