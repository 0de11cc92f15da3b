import type { MessageRole } from '@hindsight/shared';

/** How each message role reads in the dashboard (words from CONTEXT.md). */
export const MESSAGE_ROLE_LABELS: Readonly<Record<MessageRole, string>> = {
  visitor: 'Visitor',
  assistant: 'Assistant',
  operator: 'Operator',
  system: 'System',
};

/** How often an open conversation is fetched again while the tab is visible. */
export const CONVERSATION_REFRESH_MS = 3_000;
