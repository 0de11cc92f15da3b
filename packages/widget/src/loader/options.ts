/** Options of `Hindsight('init', options)` (and of `init()` in the npm package). */
export interface WidgetOptions {
  /** The application's public key, `pk_...` (the script tag's data-app-key). */
  appKey: string;
  /** The Hindsight server's origin; defaults to the origin widget.js was loaded from. */
  endpoint?: string;
  /** When recording starts: when the visitor starts a chat (default), or as soon as the page loads. */
  recordOn?: 'chat' | 'load';
  /** Mask the value of every input, not only sensitive ones. Default false. */
  maskAllInputs?: boolean;
  /** Do not record visitors whose browser sends Global Privacy Control. Default true. */
  respectGPC?: boolean;
  /** CSP nonce for the widget's <style> elements. */
  nonce?: string;
  /** Show the launcher button (false: open the chat from your own UI with `open`). Default true. */
  launcher?: boolean;
  /** Corner of the launcher. Default 'right'. */
  position?: 'left' | 'right';
  /** Accent color (any CSS color). */
  color?: string;
  /** Chat panel title and first line. */
  title?: string;
  greeting?: string;
}

export type ResolvedOptions = Required<Omit<WidgetOptions, 'nonce'>> & { nonce: string | undefined };

/** Fills in defaults; answers an error message instead of throwing. */
export function resolveOptions(options: Partial<WidgetOptions>, defaultEndpoint: string): ResolvedOptions | string {
  if (typeof options.appKey !== 'string' || !/^pk_\w+$/.test(options.appKey)) {
    return 'Hindsight: init needs appKey, the public key "pk_..." of your application.';
  }
  return {
    appKey: options.appKey,
    endpoint: (options.endpoint ?? defaultEndpoint).replace(/\/+$/, ''),
    recordOn: options.recordOn === 'load' ? 'load' : 'chat',
    maskAllInputs: options.maskAllInputs === true,
    respectGPC: options.respectGPC !== false,
    nonce: options.nonce,
    launcher: options.launcher !== false,
    position: options.position === 'left' ? 'left' : 'right',
    color: typeof options.color === 'string' ? options.color : '#4f46e5',
    title: options.title ?? 'Chat with us',
    greeting: options.greeting ?? 'Hi! Ask us anything.',
  };
}
