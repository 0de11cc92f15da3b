import type { ResolvedOptions } from './options';

/** Only the launcher's styles are eager; the panel brings its own. `:host` + !important wins over page CSS. */
const LAUNCHER_CSS = (color: string, side: string) => `
:host{all:initial!important;position:fixed!important;bottom:20px!important;${side}:20px!important;z-index:2147483647!important;display:block!important;font:14px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif!important;color:#111827!important}
[data-hs=launcher]{all:initial;box-sizing:border-box;width:56px;height:56px;border-radius:50%;background:${color};color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center;box-shadow:0 4px 14px rgba(0,0,0,.25);margin-${side}:auto}
[data-hs=launcher]:focus-visible{outline:3px solid ${color};outline-offset:3px}
[data-hs=launcher] svg{width:26px;height:26px;fill:currentColor}
[hidden]{display:none!important}`;

const CHAT_ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>';

export interface Launcher {
  root: ShadowRoot;
  setExpanded(open: boolean): void;
}

/**
 * The widget's host element with an OPEN shadow root (rrweb records open shadow roots, so the widget shows in
 * replays; a closed one would be invisible there) and the launcher button.
 */
export function mountLauncher(document: Document, options: ResolvedOptions, onToggle: () => void): Launcher {
  const hostElement = document.createElement('hindsight-widget');
  hostElement.setAttribute('data-side', options.position);
  const root = hostElement.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  if (options.nonce) style.setAttribute('nonce', options.nonce);
  style.textContent = LAUNCHER_CSS(options.color, options.position);
  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('data-hs', 'launcher');
  button.setAttribute('aria-label', 'Open chat');
  button.setAttribute('aria-expanded', 'false');
  button.innerHTML = CHAT_ICON;
  button.hidden = !options.launcher;
  button.addEventListener('click', onToggle);
  root.append(style, button);
  (document.body ?? document.documentElement).appendChild(hostElement);
  return {
    root,
    setExpanded(open) {
      button.setAttribute('aria-expanded', String(open));
      button.setAttribute('aria-label', open ? 'Close chat' : 'Open chat');
      // Closed from inside the panel (Escape, the close button): focus goes back where the chat was opened.
      if (!open && root.activeElement && root.activeElement !== button) button.focus();
    },
  };
}
