import type { AuditAction } from '@hindsight/shared';

/** How each audit action reads; a Record so a new action in @hindsight/shared fails the type check until named here. */
export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  'auth.sign_in': 'Signed in',
  'auth.sign_in_failed': 'Sign-in failed',
  'auth.sign_out': 'Signed out',
  'auth.session_revoked': 'Sign-in session revoked',
  'setup.owner_created': 'Owner created',
  'token.created': 'API token created',
  'token.revoked': 'API token revoked',
  'user.invited': 'User invited',
  'user.joined': 'User joined',
  'user.updated': 'User changed',
  'user.removed': 'User removed',
  'app.created': 'Application created',
  'app.updated': 'Application changed',
  'replay.viewed': 'Replay viewed',
  'recording.downloaded': 'Recording downloaded',
  'sessions.exported': 'Sessions exported',
  'session.erased': 'Session erased',
  'visitor.erased': 'Visitor erased',
  'audit.exported': 'Access log exported',
  'conversation.replied': 'Operator replied',
  'responder.updated': 'Chat responder changed',
  'knowledge.changed': 'Knowledge base changed',
};

export const AUDIT_ACTION_OPTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

/** An entry's details as one line of text (`format: csv, count: 12`); never markup. */
export function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}
