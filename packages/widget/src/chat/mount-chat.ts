import type { ChatContext, ChatPanel, ChatTransport } from '../loader/contracts';
import { createChatView } from './chat-view';
import { createConversation } from './create-conversation';
import { PANEL_CSS } from './panel-styles';
import { createServerTransport } from './server-transport';

/**
 * Mounts the chat panel into the widget's shadow root. `transport` is how replies arrive: the Hindsight
 * server's chat API unless a test injects another.
 */
export function mountChat(ctx: ChatContext, transport: ChatTransport = createServerTransport(ctx)): ChatPanel {
  const style = ctx.host.document.createElement('style');
  // Not getAttribute: under a header-delivered CSP the browser blanks the nonce attribute once the element is
  // connected ("nonce hiding"); the property keeps the value.
  const nonce = ctx.root.querySelector('style')?.nonce;
  if (nonce) style.setAttribute('nonce', nonce);
  style.textContent = PANEL_CSS;
  const conversation = createConversation(ctx, transport);
  const view = createChatView(ctx, conversation);
  view.panel.style.setProperty('--hs-accent', ctx.accent);
  conversation.subscribe(view.draw);
  const toggle = (show: boolean) => {
    view.panel.hidden = !show;
    if (show) {
      view.draw(); // scrolls to the end, which a hidden list cannot
      view.input.focus();
    }
    conversation.setActive(show);
  };
  toggle(false);
  view.draw();
  ctx.root.append(style, view.panel);
  return {
    show: () => toggle(true),
    hide: () => toggle(false),
    send: conversation.send,
    clear: conversation.clear,
  };
}
