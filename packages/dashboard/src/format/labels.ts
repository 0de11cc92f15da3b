import type { EndReason, Role } from '@hindsight/shared';

/** How each end reason reads in a table (words from CONTEXT.md). */
export const END_REASON_LABELS: Readonly<Record<EndReason, string>> = {
  chat_ended: 'Chat ended',
  left: 'Left',
  idle: 'Idle',
  max_duration: 'Max duration',
};

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  owner: 'Owner',
  admin: 'Admin',
  viewer: 'Viewer',
};

/** The roles in the order a picker offers them (ROLES in @hindsight/shared, which the dashboard imports as types only). */
export const ROLE_OPTIONS = Object.keys(ROLE_LABELS) as Role[];

/** "Chrome · macOS · desktop", skipping what the server could not tell. */
export function platformLabel(parts: (string | null)[]): string {
  const known = parts.filter((part): part is string => Boolean(part));
  return known.length ? known.join(' · ') : '—';
}
