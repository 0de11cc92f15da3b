import type { AuditAction } from '@hindsight/shared';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env';
import { clientAddress } from '../../http/client-address';
import { appendAudit } from '../../repos/audit-repo';

/** Appends an access-log entry for this request: who (the principal, or `actor`), from where, what. */
export async function recordAudit(
  c: Context<AppEnv>,
  action: AuditAction,
  target: {
    applicationId?: string | null;
    sessionId?: string | null;
    details?: Record<string, unknown>;
    actor?: { userId: string | null; email: string | null };
  } = {},
): Promise<void> {
  const { db, clock, config } = c.var.deps;
  const principal = c.var.principal;
  await appendAudit(db, {
    at: clock(),
    action,
    userId: target.actor?.userId ?? principal?.userId ?? null,
    userEmail: target.actor?.email ?? principal?.email ?? null,
    applicationId: target.applicationId,
    sessionId: target.sessionId,
    details: { ...target.details, ...(principal?.via === 'token' ? { via: 'api_token' } : {}) },
    address: clientAddress(c, config.trustProxy),
    userAgent: c.req.header('user-agent') ?? null,
  });
}
