import type { Widget } from './create-widget';
import type { WidgetOptions } from './options';

/** The page's `window.Hindsight`: the queue stub from the snippet, later the real command function. */
export type CommandFunction = ((command: string, ...args: unknown[]) => unknown) & { q?: ArrayLike<unknown>[] };

const COMMANDS = ['open', 'close', 'send', 'identify', 'end', 'on'] as const;

/**
 * Runs one command. Unknown commands and bad arguments are reported on the console, never thrown: the page
 * calling us must not break because of us.
 */
export function runCommand(widget: Widget | undefined, command: unknown, args: unknown[]): unknown {
  if (!widget) return warn('call init with your appKey first');
  if (!(COMMANDS as readonly unknown[]).includes(command)) return warn(`unknown command "${String(command)}"`);
  const method = widget[command as (typeof COMMANDS)[number]] as (...a: unknown[]) => unknown;
  try {
    const result = method(...args);
    if (result instanceof Promise) result.catch(() => undefined);
    return result;
  } catch (error) {
    return warn(String(error));
  }
}

/** Splits the queued calls into the init options (last init wins, over the script tag's) and the rest. */
export function takeQueuedCalls(queue: ArrayLike<unknown>[] | undefined, fromTag: Partial<WidgetOptions>) {
  let options: Partial<WidgetOptions> = fromTag;
  const calls: [unknown, unknown[]][] = [];
  for (const call of Array.from(queue ?? [])) {
    const [command, ...args] = Array.from(call);
    if (command === 'init') options = { ...options, ...(args[0] as Partial<WidgetOptions>) };
    else calls.push([command, args]);
  }
  return { options, calls };
}

function warn(message: string): undefined {
  console.warn(`Hindsight: ${message}`);
  return undefined;
}
