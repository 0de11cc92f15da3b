import type { DocumentMeasure } from '../measure/document-meter';

/** A piece of a recorder's own main-thread work: a long-animation-frame script from its files, or its unload work. */
export interface RecorderWork {
  page: string;
  /** LoAF invoker (`Worker.onmessage`, `TimerHandler:setInterval`, ...) or `unload`. */
  invoker: string;
  durationMs: number;
  kind: 'compression/transport' | 'recording';
}

/**
 * Which recorder entry points are compression or transport: a worker's answer (compressed data coming back),
 * the flush timer (rrweb itself runs no setInterval), anything started by fetch/XHR, and the flush on unload.
 * Everything else (rrweb's observers, its snapshot, the recorder's start) counts as recording.
 */
const TRANSPORT_INVOKER = /Worker\.onmessage|TimerHandler:setInterval|fetch|Response|XMLHttpRequest|sendBeacon/i;
/** LoAF lists scripts of 5 ms or more; smaller ones cannot be told apart anyway. */
const MIN_SCRIPT_MS = 5;

/** The recorder's own work in one run, longest first. */
export function recorderWork(documents: DocumentMeasure[], scriptPrefixes: string[]): RecorderWork[] {
  if (scriptPrefixes.length === 0) return [];
  const work: RecorderWork[] = [];
  for (const doc of documents) {
    for (const frame of doc.frames) {
      for (const script of frame.scripts) {
        if (script.durationMs < MIN_SCRIPT_MS || !scriptPrefixes.some((prefix) => script.url.startsWith(prefix)))
          continue;
        const kind = TRANSPORT_INVOKER.test(script.invoker) ? 'compression/transport' : 'recording';
        work.push({ page: doc.page, invoker: script.invoker, durationMs: script.durationMs, kind });
      }
    }
    const unloadMs = doc.unload.reduce((sum, entry) => sum + entry.durationMs, 0);
    if (unloadMs > 0)
      work.push({ page: doc.page, invoker: 'unload', durationMs: unloadMs, kind: 'compression/transport' });
  }
  return work.sort((a, b) => b.durationMs - a.durationMs);
}
