import { CHAT_MESSAGES_PATH, type ChatHistoryResponse, type ChatStreamEvent } from '@hindsight/shared';
import type { App } from '../../src/app';

let counter = 0;

/** Sends a visitor message like the widget does and reads the whole event stream. */
export async function sendChat(
  app: App,
  input: { key: string; session: string; text: string; clientId?: string },
): Promise<{ status: number; events: ChatStreamEvent[]; body: string; response: Response }> {
  const response = await app.request(`${CHAT_MESSAGES_PATH}?key=${input.key}&session=${input.session}`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: JSON.stringify({ text: input.text, clientId: input.clientId ?? `m${++counter}` }),
  });
  const body = await response.text();
  return { status: response.status, events: parseEvents(body), body, response };
}

export function parseEvents(text: string): ChatStreamEvent[] {
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('event: '))
    .map((block) => {
      const [eventLine, dataLine] = block.split('\n');
      return {
        event: eventLine?.slice('event: '.length),
        data: JSON.parse(dataLine?.slice('data: '.length) ?? 'null'),
      } as ChatStreamEvent;
    });
}

export async function chatHistory(app: App, key: string, session: string): Promise<ChatHistoryResponse> {
  const response = await app.request(`${CHAT_MESSAGES_PATH}?key=${key}&session=${session}`);
  return (await response.json()) as ChatHistoryResponse;
}

/** The reply as the visitor saw it stream in. */
export function streamedText(events: ChatStreamEvent[]): string {
  return events.flatMap((e) => (e.event === 'delta' ? [e.data.text] : [])).join('');
}
