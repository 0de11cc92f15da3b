import type { Migration } from 'kysely';
import * as initial from './2026-11-22T00-initial';
import * as dashboard from './2026-11-22T01-dashboard';
import * as chat from './2026-11-22T02-chat';
import * as listSpeed from './2026-11-22T03-list-speed';
import * as messageNotify from './2026-11-22T04-message-notify';

/** Every migration, keyed by its frozen, date-prefixed name (bundled, so no file-system lookup at run time). */
export const migrations: Record<string, Migration> = {
  '2026-11-22T00-initial': initial,
  '2026-11-22T01-dashboard': dashboard,
  '2026-11-22T02-chat': chat,
  '2026-11-22T03-list-speed': listSpeed,
  '2026-11-22T04-message-notify': messageNotify,
};
