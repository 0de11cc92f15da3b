import type { Migration } from 'kysely';
import * as initial from './2026-11-22T00-initial';

/** Every migration, keyed by its frozen, date-prefixed name (bundled, so no file-system lookup at run time). */
export const migrations: Record<string, Migration> = {
  '2026-11-22T00-initial': initial,
};
