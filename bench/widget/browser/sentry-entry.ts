// Variant "Sentry": @sentry/browser with its replay integration recording every session, sending to the DSN in
// the script tag's data-dsn (a local counting server). Only the replay integration: error monitoring's
// default integrations are off, so what is measured is Sentry's recorder and its transport.
import { getReplay, init, replayIntegration } from '@sentry/browser';

const dsn = (document.currentScript as HTMLScriptElement | null)?.dataset.dsn;
init({
  dsn,
  defaultIntegrations: false,
  integrations: [replayIntegration()],
  replaysSessionSampleRate: 1.0,
  replaysOnErrorSampleRate: 0,
});
(window as unknown as { __benchRecording: () => boolean }).__benchRecording = () =>
  getReplay()?.getReplayId() !== undefined;
