import { render } from 'preact';
import type { ChatContext, ChatTransport, ChatPanel as Panel } from '../loader/contracts';
import { ChatPanel } from './ChatPanel';
import { createConversation } from './create-conversation';
import { PANEL_CSS } from './panel-styles';
import { createServerTransport } from './server-transport';

/**
 * Renders the chat panel into the widget's shadow root, with the widget's own Preact (a page's Preact or React,
 * if any, is untouched). `transport` is how replies arrive: the Hindsight server's chat API unless a test
 * injects another.
 */
export function mountChat(ctx: ChatContext, transport: ChatTransport = createServerTransport(ctx)): Panel {
  const { document } = ctx.host;
  const style = document.createElement('style');
  // Not getAttribute: under a header-delivered CSP the browser blanks the nonce attribute once the element is
  // connected ("nonce hiding"); the property keeps the value.
  const nonce = ctx.root.querySelector('style')?.nonce;
  if (nonce) style.setAttribute('nonce', nonce);
  style.textContent = PANEL_CSS;
  // A container of its own: Preact would treat the root's other children (the launcher) as its own.
  const container = document.createElement('div');
  ctx.root.append(style, container);
  const conversation = createConversation(ctx, transport);
  const draw = (visible: boolean, focus = true) => {
    render(<ChatPanel ctx={ctx} conversation={conversation} visible={visible} focus={focus} />, container);
    conversation.setActive(visible);
  };
  draw(false);
  return {
    show: (options) => draw(true, options?.focus !== false),
    hide: () => draw(false),
    send: conversation.send,
    clear: conversation.clear,
  };
}
