import type { ChatMessageDto, MessageRole } from '@hindsight/shared';
import type { MessageRow } from '../db/schema';

export function toChatMessage(row: MessageRow): ChatMessageDto {
  return {
    id: String(row.id),
    role: row.role as MessageRole,
    text: row.text,
    createdAt: row.at.toISOString(),
    ...(row.author ? { author: row.author } : {}),
    ...(row.client_id ? { clientId: row.client_id } : {}),
  };
}
