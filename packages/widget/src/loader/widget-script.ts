// Entry of widget.js, the file the script tag loads. Plain DOM, no framework: the chat panel (Preact) and the
// recorder (rrweb, fflate) load lazily, from content-hashed files next to this one, when a chat starts.
import { type CommandFunction, runCommand, takeQueuedCalls } from './command-queue';
import { createWidget, type Widget } from './create-widget';
import { hostDocument, hostWindow } from './host';
import { resolveOptions } from './options';

declare const __HINDSIGHT_CHAT_FILE__: string;
declare const __HINDSIGHT_RECORDER_FILE__: string;

(() => {
  const page = hostWindow as unknown as { Hindsight?: CommandFunction; __hindsightLoaded?: boolean };
  if (page.__hindsightLoaded) return; // the tag was pasted twice
  page.__hindsightLoaded = true;

  const script = hostDocument.currentScript as HTMLScriptElement | null;
  const scriptUrl = script?.src || `${hostWindow.location.origin}/widget.js`;
  const fileUrl = (name: string) => new URL(`widget/${name}`, scriptUrl).href;
  const fromTag = script?.dataset.appKey ? { appKey: script.dataset.appKey } : {};
  const { options, calls } = takeQueuedCalls(page.Hindsight?.q, fromTag);

  let widget: Widget | undefined;
  const init = (raw: unknown) => {
    if (widget) return;
    const resolved = resolveOptions(raw as object, new URL(scriptUrl).origin);
    if (typeof resolved === 'string') return console.warn(resolved);
    widget = createWidget(resolved, {
      loadChat: () => import(/* @vite-ignore */ fileUrl(__HINDSIGHT_CHAT_FILE__)),
      loadRecorder: () => import(/* @vite-ignore */ fileUrl(__HINDSIGHT_RECORDER_FILE__)),
    });
  };

  page.Hindsight = (command: string, ...args: unknown[]) =>
    command === 'init' ? init(args[0]) : runCommand(widget, command, args);
  if (options.appKey) init(options);
  for (const [command, args] of calls) runCommand(widget, command, args);
})();
