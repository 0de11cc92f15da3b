import { CHAT_MESSAGE_TAG, INGEST_END_PATH } from '@hindsight/shared';
import type { ChatContext, ChatPanel, Emit, Recorder, RecorderContext, WidgetEventName } from './contracts';
import { globalPrivacyControl, host } from './host';
import { type Launcher, mountLauncher } from './launcher';
import type { ResolvedOptions } from './options';
import { createSessionStore, visitorId } from './session-store';

/** How the lazy parts are loaded: URL imports for the script tag, bundler imports for the npm package. */
export interface LazyParts {
  loadChat: () => Promise<{ mountChat: (ctx: ChatContext) => ChatPanel }>;
  loadRecorder: () => Promise<{ startRecorder: (ctx: RecorderContext) => Recorder }>;
}

/** How long after a failed load of the recorder bundle the widget tries again. */
const RECORDER_RETRY_MS = 15_000;

export interface Identity {
  id?: string;
  name?: string;
  email?: string;
}

/**
 * The widget's behaviour, independent of how it was loaded. Every public method is safe to call at any time
 * and never throws into the page: failures are reported through the `error` event.
 */
export function createWidget(options: ResolvedOptions, lazy: LazyParts) {
  const listeners = new Map<WidgetEventName, Set<(data: unknown) => void>>();
  let readyData: unknown;
  const emit: Emit = (name, data) => {
    if (name === 'ready') readyData = data ?? {};
    for (const listener of listeners.get(name) ?? []) {
      try {
        listener(data);
      } catch {
        // a site's handler must not break the widget
      }
    }
  };
  const sessions = createSessionStore(options.appKey);
  let recorder: Promise<Recorder | undefined> | undefined;
  let panel: Promise<ChatPanel | undefined> | undefined;
  let isOpen = false;
  let launcher: Launcher | undefined;

  const fail = (kind: string, error: unknown) => emit('error', { kind, message: String(error) });
  const recordingAllowed = !(globalPrivacyControl && options.respectGPC);

  /**
   * Starts the recorder once `after` has settled (the panel drawn): its first full snapshot then holds the
   * panel, instead of rrweb serializing it as a mutation a moment later (and the page laying it out twice).
   */
  function startRecording(after?: Promise<unknown>): Promise<Recorder | undefined> {
    if (!recordingAllowed) return Promise.resolve(undefined);
    if (recorder) return recorder;
    // The chat may have made the session already (without recording): a recording of it is still news.
    const isNew = !sessions.current()?.recording;
    const session = sessions.ensure();
    sessions.setRecording(true);
    if (isNew) emit('session', { id: session.id });
    recorder = Promise.all([lazy.loadRecorder(), after])
      .then(([{ startRecorder }]) =>
        startRecorder({
          host,
          endpoint: options.endpoint,
          appKey: options.appKey,
          sessions,
          visitorId: () => visitorId(),
          maskAllInputs: options.maskAllInputs,
          emit,
        }),
      )
      .catch((error) => {
        // The chat keeps working without a recording; a session that is recording tries again later (a
        // flaky network must not leave the rest of the visit unrecorded).
        fail('recorder', error);
        recorder = undefined;
        setTimeout(() => sessions.current()?.recording && startRecording(), RECORDER_RETRY_MS);
        return undefined;
      });
    return recorder;
  }

  const recordEvent = (tag: string, payload: unknown) => {
    void recorder?.then((r) => r?.addCustomEvent(tag, payload));
  };

  function loadPanel(): Promise<ChatPanel | undefined> {
    panel ??= lazy
      .loadChat()
      .then(({ mountChat }) =>
        mountChat({
          host,
          root: ensureLauncher().root,
          title: options.title,
          greeting: options.greeting,
          accent: options.color,
          endpoint: options.endpoint,
          appKey: options.appKey,
          sessions,
          visitorId: () => visitorId(),
          onMessage(message) {
            recordEvent(CHAT_MESSAGE_TAG, { role: message.role, text: message.text });
            emit('message', message);
          },
          fail,
          close: () => api.close(),
          end: () => api.end(),
        }),
      )
      .catch((error) => {
        fail('chat', error);
        panel = undefined;
        return undefined;
      });
    return panel;
  }

  function ensureLauncher(): Launcher {
    launcher ??= mountLauncher(host.document, options, () => (isOpen ? api.close() : api.open()));
    return launcher;
  }

  // The panel stays open across the tab's page loads, as the visitor left it (and keeps polling for replies).
  const openKey = `hindsight:${options.appKey}:open`;

  async function show(focus: boolean): Promise<void> {
    isOpen = true;
    host.tabStorage.set(openKey, '1');
    launcher?.setExpanded(true);
    const shown = loadPanel().then((panel) => panel?.show({ focus }));
    // A panel that fails to draw is reported by the caller; the recording starts all the same.
    void startRecording(shown.catch(() => undefined));
    recordEvent('hindsight.chat', { action: 'open' });
    await shown;
  }

  const api = {
    open: () => show(true),
    async close(): Promise<void> {
      isOpen = false;
      host.tabStorage.remove(openKey);
      launcher?.setExpanded(false);
      recordEvent('hindsight.chat', { action: 'close' });
      (await panel)?.hide();
    },
    async send(text: unknown): Promise<void> {
      const message = typeof text === 'string' ? text.trim() : '';
      if (!message) return;
      if (!isOpen) void api.open();
      await (await loadPanel())?.send(message);
    },
    identify(identity: Identity): void {
      if (identity?.id && /^[A-Za-z0-9_-]{1,64}$/.test(identity.id)) visitorId(identity.id);
      recordEvent('hindsight.identify', { id: identity?.id, name: identity?.name, email: identity?.email });
    },
    /** Ends the chat and the session: what was recorded is sent, then the server completes the session. */
    async end(): Promise<void> {
      const session = sessions.current();
      recordEvent('hindsight.chat', { action: 'end' });
      const running = await recorder;
      recorder = undefined;
      await running?.stop();
      sessions.clear();
      (await panel)?.clear();
      await api.close();
      // A session that only chatted (nothing recorded) has nothing to complete.
      if (!session?.recording || !host.fetch) return;
      const query = `?key=${encodeURIComponent(options.appKey)}&session=${session.id}`;
      await host
        .fetch(`${options.endpoint}${INGEST_END_PATH}${query}`, {
          method: 'POST',
          credentials: 'omit',
          keepalive: true,
        })
        .catch((error) => fail('network', error));
    },
    on(name: WidgetEventName, handler: (data: unknown) => void): void {
      if (typeof handler !== 'function') return;
      if (!listeners.has(name)) listeners.set(name, new Set());
      listeners.get(name)?.add(handler);
      // `ready` is sticky: a handler added after it fired still hears it.
      if (name === 'ready' && readyData !== undefined) handler(readyData);
    },
  };

  // Start: show the launcher; a panel the visitor left open is drawn again (under GPC there is no session until
  // the first message: the panel comes back all the same), and a session that was recording on the previous page
  // resumes at once (once that panel is drawn).
  if (options.launcher) ensureLauncher();
  if (sessions.copiedTab) host.tabStorage.remove(openKey);
  if (host.tabStorage.get(openKey)) void show(false);
  else if (sessions.current()?.recording || options.recordOn === 'load') void startRecording();
  queueMicrotask(() => emit('ready', { sessionId: sessions.current()?.id ?? null }));
  return api;
}

export type Widget = ReturnType<typeof createWidget>;
