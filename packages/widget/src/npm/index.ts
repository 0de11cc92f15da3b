// The npm entry for bundler users: the same commands as the script tag, as typed functions.
import { type CommandFunction, runCommand } from '../loader/command-queue';
import type { WidgetEventName } from '../loader/contracts';
import { createWidget, type Identity, type Widget } from '../loader/create-widget';
import { resolveOptions, type WidgetOptions } from '../loader/options';

export type { ChatMessage, WidgetEventName } from '../loader/contracts';
export type { Identity } from '../loader/create-widget';
export type { WidgetOptions } from '../loader/options';

let widget: Widget | undefined;

/** Starts the widget. `endpoint` is required here (there is no script URL to take it from). */
export function init(options: WidgetOptions & { endpoint: string }): void {
  if (widget) return;
  const resolved = resolveOptions(options, options.endpoint);
  if (typeof resolved === 'string') {
    console.warn(resolved);
    return;
  }
  widget = createWidget(resolved, {
    loadChat: () => import('../chat/index'),
    loadRecorder: () => import('../recorder/index'),
  });
}

const call = (command: string, ...args: unknown[]) => runCommand(widget, command, args) as Promise<void> | undefined;

/** Opens the chat (and starts recording, unless Global Privacy Control says no). */
export const open = (): Promise<void> | undefined => call('open');
export const close = (): Promise<void> | undefined => call('close');
/** Opens the chat and sends `text` as the visitor. */
export const send = (text: string): Promise<void> | undefined => call('send', text);
export const identify = (identity: Identity): void => void call('identify', identity);
/** Ends the chat and the session. */
export const end = (): Promise<void> | undefined => call('end');
export const on = (name: WidgetEventName, handler: (data: unknown) => void): void => void call('on', name, handler);

export type { CommandFunction };
