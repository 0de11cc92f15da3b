import { MAX_MESSAGE_LENGTH } from '@hindsight/shared';
import type { ChatContext, ChatMessage } from '../loader/contracts';
import type { Conversation } from './create-conversation';

/**
 * The chat panel in plain DOM: message list, composer, end chat. Plain DOM rather than Preact: the panel is
 * small, and a framework costs ~4 KB of the budget every visitor downloads. Every text from a message goes in as
 * a text node (`append` of a string), never as HTML. Messages already shown keep their nodes, so a redraw
 * (each piece of a streamed reply) changes only what changed, in the page and in the recording.
 */
export function createChatView(ctx: ChatContext, conversation: Conversation) {
  const h = (tag: string, attrs: Record<string, string>, ...children: (Node | string)[]) => {
    const node = ctx.host.document.createElement(tag);
    for (const name in attrs) node.setAttribute(name, attrs[name] as string);
    node.append(...children);
    return node;
  };
  const button = (attrs: Record<string, string>, text: string, onClick: () => unknown) => {
    const node = h('button', { type: 'button', ...attrs }, text);
    node.onclick = onClick;
    return node;
  };
  // A reply still streaming in is `data-hs=reply` (aria-busy), not yet a message: a site's test that waits for
  // the assistant's message gets the whole stored reply.
  const bubble = (message: ChatMessage, streaming?: boolean) => {
    const node = h('div', {
      'data-hs': streaming ? 'reply' : 'message',
      'data-role': message.role,
      class: `hs-msg hs-${message.role}`,
    });
    if (message.author) node.append(h('b', {}, message.author));
    node.append(message.text);
    if (streaming) node.setAttribute('aria-busy', 'true');
    return node;
  };
  const messages = h('div', { class: 'hs-c' });
  const tail = h('div', { class: 'hs-c' });
  const list = h(
    'div',
    { class: 'hs-list', role: 'log', 'aria-live': 'polite' },
    h('div', { class: 'hs-msg hs-system' }, ctx.greeting),
    messages,
    tail,
  );
  const input = h('textarea', {
    'data-hs': 'input',
    rows: '1',
    maxlength: String(MAX_MESSAGE_LENGTH),
    placeholder: 'Type a message…',
    'aria-label': 'Message',
  }) as HTMLTextAreaElement;
  const send = h('button', { type: 'submit', 'data-hs': 'send' }, 'Send') as HTMLButtonElement;
  const form = h('form', { class: 'hs-form' }, input, send);
  const panel = h(
    'div',
    { 'data-hs': 'panel', role: 'dialog', 'aria-label': ctx.title },
    h(
      'div',
      { class: 'hs-head' },
      h('span', { class: 'hs-title' }, ctx.title),
      button({ 'data-hs': 'end' }, 'End chat', ctx.end),
      button({ 'data-hs': 'close', 'aria-label': 'Close chat' }, '✕', ctx.close),
    ),
    list,
    form,
  );
  const submit = (event: Event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || conversation.state().reply !== undefined) return;
    input.value = '';
    void conversation.send(text);
  };
  form.onsubmit = submit;
  input.onkeydown = (event) => {
    if (event.key === 'Escape') ctx.close();
    else if (event.key === 'Enter' && !event.shiftKey) submit(event);
  };
  let shown: ChatMessage[] = [];

  return {
    panel,
    input,
    draw(): void {
      const state = conversation.state();
      const nodes = messages.children;
      state.messages.forEach((message, index) => {
        if (shown[index] === message) return;
        const node = bubble(message);
        nodes[index] ? nodes[index].replaceWith(node) : messages.append(node);
      });
      while (nodes.length > state.messages.length) messages.lastChild?.remove();
      shown = state.messages;
      const { reply, error } = state;
      tail.replaceChildren(
        ...(reply ? [bubble({ role: 'assistant', text: reply, at: 0 }, true)] : []),
        ...(reply === '' ? [h('div', { class: 'hs-note' }, '…')] : []),
        ...(error
          ? [
              h(
                'div',
                { class: 'hs-error', role: 'alert', 'data-hs': 'error' },
                `${error} `,
                button({ 'data-hs': 'retry' }, 'Retry', conversation.retry),
              ),
            ]
          : []),
      );
      send.disabled = reply !== undefined;
      list.scrollTop = list.scrollHeight;
    },
  };
}
