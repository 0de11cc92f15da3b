import type { ComponentChild, ComponentType } from 'preact';
import type { ApiClient } from './api/api-client';

/** The replay viewer's contract (built in src/replay/ by its own engineer). */
export type ReplayPageComponent = ComponentType<{
  sessionId: string;
  api: ApiClient;
  /** The live conversation, shown in the viewer's side panel; it seeks the replay through `onSeek`. */
  renderConversation?: (onSeek: (offsetMs: number) => void) => ComponentChild;
}>;

/** Loads the replay viewer as its own chunk (rrweb-player is large), so the Sessions list paints without it. */
export const loadReplayPage: (() => Promise<ReplayPageComponent>) | null = () =>
  import('./replay/ReplayPage').then((module) => module.ReplayPage);
