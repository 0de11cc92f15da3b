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
  const full: ChatTransport = { send: async () => undefined, watch: () => new Promise(() => {}), ...transport };
  return { conversation: createConversation(ctx, full), seen, failures, ctx };
}

/** A stream that stays open until the widget stops it. */
const untilAborted = (signal: AbortSignal) =>
  new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));

it('streams a reply and hands every message over once, also when the updates stream brings the same reply', async () => {
  let conversationNow: ChatMessageDto[] = [];
  const { conversation, seen } = setup({
    async send(_session, body, onEvent) {
      const emit = (event: ChatStreamEvent) => onEvent(event);
      emit({ event: 'stored', data: dto('1', 'visitor', body.text) });
      emit({ event: 'delta', data: { text: 'Two ' } });
      expect(conversation.state().reply).toBe('Two ');
      emit({ event: 'delta', data: { text: 'days.' } });
      emit({ event: 'reply', data: dto('2', 'assistant', 'Two days.') });
    },
    watch(_session, _after, onMessages, signal) {
      onMessages(conversationNow, true);
      return untilAborted(signal);
    },
  });
  await conversation.send('Delivery?');
  expect(conversation.state()).toMatchObject({ reply: undefined, error: undefined });
  expect(conversation.state().messages.map((m) => [m.id, m.text])).toEqual([
    ['1', 'Delivery?'],
    ['2', 'Two days.'],
  ]);
  // The panel opens: the stream starts with the whole conversation (with an operator reply); only the new
  // message is handed over.
  conversationNow = [
    dto('1', 'visitor', 'Delivery?'),
    dto('2', 'assistant', 'Two days.'),
    dto('3', 'operator', 'Else?'),
  ];
  conversation.setActive(true);
  await vi.waitFor(() => expect(conversation.state().messages).toHaveLength(3));
  conversation.setActive(false);
  expect(seen.map((m) => m.text)).toEqual(['Delivery?', 'Two days.', 'Else?']);
});

it('reopens a stream the server ended after the newest message; nothing new redraws nothing', async () => {
  const asked: (string | undefined)[] = [];
  const { conversation, ctx } = setup({
    async watch(_session, after, onMessages) {
      asked.push(after);
      // The server ends each stream at once (as after its few minutes): the next opens after a short wait.
      onMessages(after === undefined ? [dto('1', 'visitor', 'Hello?')] : [], after === undefined);
    },
  });
  ctx.sessions.ensure();
  let redraws = 0;
  conversation.subscribe(() => redraws++);
  conversation.setActive(true);
  await vi.waitFor(() => expect(conversation.state().messages).toHaveLength(1));
  expect(redraws).toBe(1);
  const copy = sessionStorage.getItem('hindsight:pk_test:chat');
  sessionStorage.removeItem('hindsight:pk_test:chat');
  await vi.waitFor(() => expect(asked).toEqual([undefined, '1']), { timeout: 5_000 });
  conversation.setActive(false);
  expect(redraws).toBe(1);
  expect(copy).toContain('Hello?');
  expect(sessionStorage.getItem('hindsight:pk_test:chat')).toBeNull(); // not written again
});

it("on the next page, a stream that brings back the conversation as the tab's copy has it redraws nothing", async () => {
  const server = [dto('1', 'visitor', 'Hello?'), dto('2', 'operator', 'Hi!')];
  const first = setup({ watch: async (_session, _after, onMessages) => onMessages(server, true) });
  first.ctx.sessions.ensure();
  first.conversation.setActive(true);
  await vi.waitFor(() => expect(first.conversation.state().messages).toHaveLength(2));
  first.conversation.setActive(false);
  const copy = sessionStorage.getItem('hindsight:pk_test:chat');
  expect(copy).toContain('Hi!');

  // The next page: painted from the tab's copy, then its first stream brings the same whole conversation.
  sessionStorage.setItem('hindsight:pk_test:chat', `${copy} `); // marks the copy: a rewrite would drop the space
  sessionStorage.removeItem('hindsight:pk_test:shown'); // as the first page's pagehide does
  let delivered = false;
  let askedAfter: string | undefined = 'not asked';
  const next = setup({
    watch: async (_session, after, onMessages) => {
      askedAfter = after;
      onMessages(server, true);
      delivered = true;
    },
  });
  let redraws = 0;
  next.conversation.subscribe(() => redraws++);
  next.conversation.setActive(true);
  await vi.waitFor(() => expect(delivered).toBe(true));
  next.conversation.setActive(false);
  expect(askedAfter).toBeUndefined(); // the whole conversation, not only what is newer
  expect(next.conversation.state().messages.map((m) => m.text)).toEqual(['Hello?', 'Hi!']);
  expect(redraws).toBe(0);
  expect(sessionStorage.getItem('hindsight:pk_test:chat')).toBe(`${copy} `);
  expect(next.seen).toEqual([]);
});

it('holds what the stream brings while a reply streams in, and shows it once the reply is done', async () => {
  let push: (messages: ChatMessageDto[], complete: boolean) => void = () => {};
  let release = () => {};
  const { conversation, seen, ctx } = setup({
    watch(_session, _after, onMessages, signal) {
      push = onMessages;
      return untilAborted(signal);
    },
    async send(_session, body, onEvent) {
      onEvent({ event: 'stored', data: dto('1', 'visitor', body.text) });
      onEvent({ event: 'delta', data: { text: 'Sure' } });
      await new Promise<void>((resolve) => (release = resolve));
      onEvent({ event: 'reply', data: dto('2', 'assistant', 'Sure') });
    },
  });
  ctx.sessions.ensure();
  conversation.setActive(true);
  push([], true);
  const sending = conversation.send('Open today?');
  await vi.waitFor(() => expect(conversation.state().reply).toBe('Sure'));
  // The stored reply and an operator's message reach the stream before the send's own stream ends.
  push([dto('1', 'visitor', 'Open today?'), dto('2', 'assistant', 'Sure'), dto('3', 'operator', 'Until 6')], false);
  expect(conversation.state().messages.map((m) => m.text)).toEqual(['Open today?']);
  release();
  await sending;
  expect(conversation.state().messages.map((m) => [m.id, m.text])).toEqual([
    ['1', 'Open today?'],
    ['2', 'Sure'],
    ['3', 'Until 6'],
  ]);
  expect(seen.map((m) => m.text)).toEqual(['Open today?', 'Sure', 'Until 6']);
  conversation.setActive(false);
});

it('reports a failing stream once, retries it later each time, and holds no stream while the page is hidden', async () => {
  vi.useFakeTimers();
  try {
    const calls: AbortSignal[] = [];
    let healthy = false;
    const { conversation, ctx, failures } = setup({
      watch(_session, _after, onMessages, signal) {
        calls.push(signal);
        if (!healthy) return Promise.reject(Object.assign(new Error('offline'), { kind: 'network' }));
        onMessages([], true);
        return untilAborted(signal);
      },
    });
    ctx.sessions.ensure();
    conversation.setActive(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(calls).toHaveLength(2); // the second wait is twice the first
    await vi.advanceTimersByTimeAsync(3_000);
    expect(calls).toHaveLength(3);
    expect(failures).toEqual(['chat']);

    healthy = true;
    await vi.advanceTimersByTimeAsync(12_000);
    expect(calls).toHaveLength(4);
    expect(calls[3]?.aborted).toBe(false);
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(calls[3]?.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(4);
    Object.defineProperty(document, 'hidden', { value: false, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(calls).toHaveLength(5);
    conversation.setActive(false);
    expect(calls[4]?.aborted).toBe(true);
    expect(failures).toEqual(['chat']);
  } finally {
    vi.useRealTimers();
  }
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
