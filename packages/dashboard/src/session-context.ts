import type { AppSummary, MeResponse, Permission } from '@hindsight/shared';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiClient } from './api/api-client';

/** What every signed-in page reads: the API client, who is signed in, and the applications they may see. */
export interface SignedIn {
  api: ApiClient;
  me: MeResponse;
  apps: AppSummary[];
  /** Fetches the application list again (after a create or rename). */
  reloadApps(): Promise<AppSummary[]>;
  signOut(): Promise<void>;
}

export const SignedInContext = createContext<SignedIn | null>(null);

/** The signed-in context; only pages rendered inside the signed-in shell call this. */
export function useSignedIn(): SignedIn {
  const value = useContext(SignedInContext);
  if (!value) throw new Error('useSignedIn outside the signed-in shell');
  return value;
}

export function can(me: MeResponse, permission: Permission): boolean {
  return me.permissions.includes(permission);
}
