import type { ChatMessageDto, ChatStreamEvent } from '@hindsight/shared';
import { beforeEach, expect, it, vi } from 'vitest';
import type { ChatContext, ChatMessage, ChatTransport } from '../loader/contracts';
import { host } from '../loader/host';
import { createSessionStore } from '../loader/session-store';
import { createConversation } from './create-conversation';

beforeEach(() => sessionStorage.clear());

const dto = (id: string, role: ChatMessageDto['role'], text: string): ChatMessageDto => ({
  id,
  role,
  text,
  createdAt: new Date().toISOString(),
});

/** A conversation with a scripted transport (the seam tests use instead of the server). */
function setup(transport: Partial<ChatTransport>) {
  const seen: ChatMessage[] = [];
  const failures: string[] = [];
  const ctx = {
    host,
    appKey: 'pk_test',
    sessions: createSessionStore('pk_test'),
    visitorId: () => 'visitor1',
    onMessage: (message: ChatMessage) => seen.push(message),
    fail: (kind: string) => failures.push(kind),
  } as unknown as ChatContext;
  const full: ChatTransport = { send: async () => undefined, history: async () => [], ...transport };
  return { conversation: createConversation(ctx, full), seen, failures, ctx };
}

it('streams a reply and hands every message over once, also when a poll brings the same reply', async () => {
  let pollAnswer: ChatMessageDto[] = [];
  const { conversation, seen } = setup({
    async send(_session, body, onEvent) {
      const emit = (event: ChatStreamEvent) => onEvent(event);
      emit({ event: 'stored', data: dto('1', 'visitor', body.text) });
      emit({ event: 'delta', data: { text: 'Two ' } });
      expect(conversation.state().reply).toBe('Two ');
      emit({ event: 'delta', data: { text: 'days.' } });
      emit({ event: 'reply', data: dto('2', 'assistant', 'Two days.') });
    },
    history: async () => pollAnswer,
  });
  await conversation.send('Delivery?');
  expect(conversation.state()).toMatchObject({ reply: undefined, error: undefined });
  expect(conversation.state().messages.map((m) => [m.id, m.text])).toEqual([
    ['1', 'Delivery?'],
    ['2', 'Two days.'],
  ]);
  // The panel opens: the first poll takes the whole history (with an operator reply); only the new message is
  // handed over.
  pollAnswer = [dto('1', 'visitor', 'Delivery?'), dto('2', 'assistant', 'Two days.'), dto('3', 'operator', 'Else?')];
  conversation.setActive(true);
  await vi.waitFor(() => expect(conversation.state().messages).toHaveLength(3));
  conversation.setActive(false);
  expect(seen.map((m) => m.text)).toEqual(['Delivery?', 'Two days.', 'Else?']);
});

it('redraws nothing and rewrites no copy when a poll finds nothing new', async () => {
  const asked: (string | undefined)[] = [];
  const { conversation, ctx } = setup({
    async history(_session, after) {
      asked.push(after);
      return after === undefined ? [dto('1', 'visitor', 'Hello?')] : [];
    },
  });
  ctx.sessions.ensure();
  let redraws = 0;
  conversation.subscribe(() => redraws++);
  conversation.setActive(true); // the first poll takes the whole history
  await vi.waitFor(() => expect(conversation.state().messages).toHaveLength(1));
  expect(redraws).toBe(1);
  const copy = sessionStorage.getItem('hindsight:pk_test:chat');
  sessionStorage.removeItem('hindsight:pk_test:chat');
  // The next polls (every 3 s while open) ask for what came after message 1, and get nothing.
  await vi.waitFor(() => expect(asked).toEqual([undefined, '1']), { timeout: 5_000 });
  await new Promise((resolve) => setTimeout(resolve, 50));
  conversation.setActive(false);
  expect(redraws).toBe(1);
  expect(copy).toContain('Hello?');
  expect(sessionStorage.getItem('hindsight:pk_test:chat')).toBeNull(); // not written again
});

it('keeps a failed message with the error; Retry resends it with the same client id after Retry-After', async () => {
  const sent: string[] = [];
  let attempt = 0;
  const { conversation, failures } = setup({
    async send(_session, body, onEvent) {
      sent.push(body.clientId);
      if (++attempt === 1) {
        throw Object.assign(new Error('Too many messages; wait a moment.'), {
          kind: 'rate_limit',
          status: 429,
          waitMs: 200,
        });
      }
      onEvent({ event: 'stored', data: dto('1', 'visitor', body.text) });
      onEvent({ event: 'reply', data: dto('2', 'assistant', 'Yes') });
    },
  });
  await conversation.send('Hello?');
  expect(conversation.state()).toMatchObject({ error: 'Too many messages; wait a moment.' });
  expect(conversation.state().messages.map((m) => m.text)).toEqual(['Hello?']);
  expect(failures).toEqual(['chat']);
  const started = Date.now();
  await conversation.retry();
  expect(Date.now() - started).toBeGreaterThanOrEqual(150); // waited for Retry-After
  expect(sent).toHaveLength(2);
  expect(sent[1]).toBe(sent[0]);
  expect(conversation.state().error).toBeUndefined();
  expect(conversation.state().messages.map((m) => m.text)).toEqual(['Hello?', 'Yes']);
});

it("shows the server's friendly text on a stream error and ours on a 5xx; a cut stream is an error too", async () => {
  const answers: ((onEvent: (e: ChatStreamEvent) => void) => void)[] = [
    (onEvent) => onEvent({ event: 'error', data: { code: 'responder_failed', message: 'Sorry, try again.' } }),
    () => {
      throw Object.assign(new Error('HTTP 502'), { kind: 'http', status: 502 });
    },
    (onEvent) => onEvent({ event: 'stored', data: dto('1', 'visitor', 'x') }),
  ];
  const { conversation } = setup({ send: async (_s, _b, onEvent) => answers.shift()?.(onEvent) });
  await conversation.send('x');
  expect(conversation.state().error).toBe('Sorry, try again.');
  await conversation.retry();
  expect(conversation.state().error).toBe('Your message could not be sent.');
  await conversation.retry();
  expect(conversation.state().error).toBe('The reply was interrupted.');
  expect(conversation.state().messages.map((m) => m.text)).toEqual(['x']);
});

it('paints the tab copy of the same session at once, and ignores a copy of an ended one', () => {
  const first = setup({});
  first.ctx.sessions.ensure();
  void first.conversation.send('kept');
  window.dispatchEvent(new PageTransitionEvent('pagehide')); // the next page of the tab
  expect(
    setup({})
      .conversation.state()
      .messages.map((m) => m.text),
  ).toEqual(['kept']);
  first.ctx.sessions.clear();
  window.dispatchEvent(new PageTransitionEvent('pagehide'));
  createSessionStore('pk_test').ensure(); // a new session in the tab
  window.dispatchEvent(new PageTransitionEvent('pagehide'));
  expect(setup({}).conversation.state().messages).toEqual([]);
});

it('queues a message sent while a reply streams, and gives up on one the server refuses (4xx)', async () => {
  const order: string[] = [];
  let release = () => {};
  const { conversation } = setup({
    async send(_session, body, onEvent) {
      order.push(`start ${body.text}`);
      if (body.text === 'first') await new Promise<void>((resolve) => (release = resolve));
      if (body.text === 'too long') {
        throw Object.assign(new Error('A message has at most 4000 characters.'), { kind: 'http', status: 400 });
      }
      onEvent({ event: 'stored', data: dto(body.text, 'visitor', body.text) });
      onEvent({ event: 'reply', data: dto(`${body.text}-reply`, 'assistant', 'ok') });
      order.push(`end ${body.text}`);
    },
  });
  const first = conversation.send('first');
  const second = conversation.send('second');
  await Promise.resolve();
  expect(order).toEqual(['start first']);
  release();
  await Promise.all([first, second]);
  expect(order).toEqual(['start first', 'end first', 'start second', 'end second']);

  await conversation.send('too long');
  expect(conversation.state().error).toBe('A message has at most 4000 characters.');
  order.length = 0;
  await conversation.send('third');
  // The refused one is not tried again; the new one goes through.
  expect(order).toEqual(['start third', 'end third']);
  // 'second' shows where it was written (before the first reply arrived); 'too long' stays, unsent.
  expect(conversation.state().messages.map((m) => m.text)).toEqual([
    'first',
    'second',
    'ok',
    'ok',
    'too long',
    'third',
    'ok',
  ]);
});
