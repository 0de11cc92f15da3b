import { type Permission, ROLE_PERMISSIONS, type Role } from '@hindsight/shared';

/** Who is asking: a signed-in user (cookie) or a script (API token acting as its user). */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** Applications a viewer was granted; owners and admins see every application. */
  appIds: readonly string[];
  via: 'cookie' | 'token';
  /** The sign-in session (cookie) or the API token behind this request. */
  credentialId: string;
  csrfToken?: string;
}

export function can(principal: Principal, permission: Permission): boolean {
  return ROLE_PERMISSIONS[principal.role].includes(permission);
}

export function seesAllApplications(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}

export function canSeeApplication(principal: Principal, applicationId: string): boolean {
  return seesAllApplications(principal.role) || principal.appIds.includes(applicationId);
}
