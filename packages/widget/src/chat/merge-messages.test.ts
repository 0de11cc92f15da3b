import type { ChatMessageDto } from '@hindsight/shared';
import { expect, it } from 'vitest';
import type { ChatMessage } from '../loader/contracts';
import { mergeMessages } from './merge-messages';

const dto = (id: string, role: ChatMessageDto['role'], text: string, author?: string): ChatMessageDto => ({
  id,
  role,
  text,
  createdAt: '2026-11-22T10:00:00.000Z',
  ...(author ? { author } : {}),
});
const visitorDto = (id: string, text: string, clientId: string): ChatMessageDto => ({
  ...dto(id, 'visitor', text),
  clientId,
});
const at = Date.parse('2026-11-22T10:00:00.000Z');

it('takes the whole conversation from the server, in its order, and reports what the tab had not seen', () => {
  const local: ChatMessage[] = [{ role: 'visitor', text: 'Hi', at: 1, id: '1', clientId: 'c1' }];
  const { messages, added } = mergeMessages(
    local,
    [dto('1', 'visitor', 'Hi'), dto('2', 'assistant', 'Hello'), dto('3', 'operator', 'Anna here', 'Anna')],
    true,
  );
  expect(messages).toEqual([
    local[0],
    { role: 'assistant', text: 'Hello', at, id: '2' },
    { role: 'operator', text: 'Anna here', at, id: '3', author: 'Anna' },
  ]);
  expect(added.map((m) => m.id)).toEqual(['2', '3']);
});

it('matches a visitor message sent before the store was confirmed by its text: not added twice', () => {
  const local: ChatMessage[] = [
    { role: 'visitor', text: 'Delivery?', at: 5, clientId: 'c1' },
    { role: 'visitor', text: 'Never arrived', at: 6, clientId: 'c2' },
  ];
  const { messages, added } = mergeMessages(
    local,
    [dto('7', 'visitor', 'Delivery?'), dto('8', 'assistant', '3 days')],
    true,
  );
  expect(messages).toEqual([
    { role: 'visitor', text: 'Delivery?', at: 5, clientId: 'c1', id: '7' },
    { role: 'assistant', text: '3 days', at, id: '8' },
    // The server never stored it: kept, last, so the visitor can retry.
    { role: 'visitor', text: 'Never arrived', at: 6, clientId: 'c2' },
  ]);
  expect(added.map((m) => m.id)).toEqual(['8']);
  expect(local[0]?.id).toBeUndefined(); // the input is not changed
});

it('drops stored messages the server no longer has on a complete merge, keeps them on an incremental one', () => {
  const local: ChatMessage[] = [{ role: 'assistant', text: 'old', at: 1, id: '1' }];
  expect(mergeMessages(local, [], true).messages).toEqual([]);
  expect(mergeMessages(local, [], false).messages).toEqual(local);
});

it('appends new messages of a poll once, whatever repeats', () => {
  const local: ChatMessage[] = [
    { role: 'visitor', text: 'Hi', at: 1, id: '1' },
    { role: 'visitor', text: 'pending', at: 2, clientId: 'c' },
  ];
  const first = mergeMessages(local, [dto('2', 'operator', 'Yes?')], false);
  // The unconfirmed message keeps its place: it was written before the reply.
  expect(first.messages.map((m) => m.text)).toEqual(['Hi', 'pending', 'Yes?']);
  const again = mergeMessages(first.messages, [dto('2', 'operator', 'Yes?'), dto('2', 'operator', 'Yes?')], false);
  expect(again.added).toEqual([]);
  expect(again.messages).toEqual(first.messages);
});

it('tells two unconfirmed messages with the same text apart by client id: the stored one is confirmed', () => {
  const local: ChatMessage[] = [
    { role: 'visitor', text: 'ok', at: 5, clientId: 'first' },
    { role: 'visitor', text: 'ok', at: 6, clientId: 'second' },
  ];
  // Only the second reached the server (the first failed and waits for Retry).
  const { messages, added } = mergeMessages(local, [visitorDto('9', 'ok', 'second')], true);
  expect(messages).toEqual([
    { role: 'visitor', text: 'ok', at: 6, clientId: 'second', id: '9' },
    { role: 'visitor', text: 'ok', at: 5, clientId: 'first' },
  ]);
  expect(added).toEqual([]);
});

it('keeps the client id of a visitor message first seen from the server (sent from another page)', () => {
  const { messages, added } = mergeMessages([], [visitorDto('4', 'Hello', 'c9')], true);
  expect(messages).toEqual([{ role: 'visitor', text: 'Hello', at, id: '4', clientId: 'c9' }]);
  expect(added).toHaveLength(1);
});
