import { render } from 'preact';
import type { ChatContext, ChatPanel as Panel } from '../loader/contracts';
import { ChatPanel } from './ChatPanel';
import { PANEL_CSS } from './panel-styles';

/** Renders the chat panel into the widget's shadow root (its own Preact: the page's, if any, is untouched). */
export function mountChat(ctx: ChatContext): Panel {
  const { document } = ctx.host;
  const style = document.createElement('style');
  // Not getAttribute: under a header-delivered CSP the browser blanks the nonce attribute once the element is
  // connected ("nonce hiding"); the property keeps the value.
  const nonce = ctx.root.querySelector('style')?.nonce;
  if (nonce) style.setAttribute('nonce', nonce);
  style.textContent = PANEL_CSS;
  const container = document.createElement('div');
  container.style.setProperty('--hs-accent', ctx.accent);
  ctx.root.append(style, container);
  let visible = false;
  const draw = () => render(<ChatPanel ctx={ctx} visible={visible} />, container);
  draw();
  return {
    show() {
      visible = true;
      draw();
    },
    hide() {
      visible = false;
      draw();
    },
    destroy() {
      render(null, container);
      container.remove();
      style.remove();
    },
  };
}
