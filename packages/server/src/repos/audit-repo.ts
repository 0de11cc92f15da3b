import type { AuditAction } from '@hindsight/shared';
import type { Db } from '../db/database';
import type { AuditRow } from '../db/schema';

export interface AuditRecord {
  at: Date;
  action: AuditAction;
  userId: string | null;
  userEmail: string | null;
  applicationId?: string | null;
  sessionId?: string | null;
  details?: Record<string, unknown>;
  address: string | null;
  userAgent: string | null;
}

/** Appends one entry to the access log (append-only: the table refuses updates and deletes). */
export async function appendAudit(db: Db, entry: AuditRecord): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at,
      action: entry.action,
      user_id: entry.userId,
      user_email: entry.userEmail,
      application_id: entry.applicationId ?? null,
      session_id: entry.sessionId ?? null,
      details: JSON.stringify(entry.details ?? {}),
      address: entry.address,
      user_agent: entry.userAgent?.slice(0, 512) ?? null,
    })
    .execute();
}

export interface AuditFilter {
  action?: string;
  userId?: string;
  applicationId?: string;
  /** Keyset: entries older than this id. */
  beforeId?: number;
  limit: number;
}

/** Newest first. Ids are increasing, so the id alone is the keyset. */
export async function listAudit(db: Db, filter: AuditFilter): Promise<AuditRow[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.userId) query = query.where('user_id', '=', filter.userId);
  if (filter.applicationId) query = query.where('application_id', '=', filter.applicationId);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  return query.execute();
}
