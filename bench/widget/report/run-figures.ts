import { gunzipSync } from 'node:zlib';
import type { RunRecord } from '../measure/run-once';
import type { Variant } from '../variants/variant';
import { type RecorderWork, recorderWork } from './attribute-scripts';

/** The figures of one run. */
export interface RunFigures {
  variant: Variant['id'];
  repeat: number;
  elapsedMs: number;
  /** Main-thread busy time: CDP TaskDuration summed over the documents, plus unload listeners (ms). */
  busyMs: number;
  demoBusyMs: number;
  largeBusyMs: number;
  /**
   * TaskDuration's parts (ms), for the record only: Chromium's ScriptDuration leaves out much of the JS run from
   * promise callbacks, so script vs. the rest cannot be compared across recorders.
   */
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  longestTaskMs: number;
  /** The recorder's longest piece of work of each kind (ms), with what started it. */
  longestRecording?: RecorderWork;
  longestTransport?: RecorderWork;
  recordingBytes: number;
  bytesPerMinute: number;
  requests: number;
  /** Bytes of batches sent more than once (same session and seq). */
  duplicateBytes: number;
  /** Decompressed size of the batches (Hindsight only: its bodies are gzip). */
  rawBytes?: number;
  /** Bare rrweb: JSON size of everything it recorded (what transport without compression would send). */
  rrwebJsonBytes?: number;
  heapBytes: number;
  workersStarted: number;
  statuses: Record<string, number>;
  maxLateMs: number;
  problems: string[];
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

export function runFigures(run: RunRecord, variant: Variant): RunFigures {
  const docBusy = run.documents.map((doc) => doc.taskMs + sum(doc.unload.map((entry) => entry.durationMs)));
  const largeIndex = run.documents.findIndex((doc) => doc.page === 'large');
  const unloadTasks = run.documents.map((doc) => sum(doc.unload.map((entry) => entry.durationMs)));
  const work = recorderWork(run.documents, variant.scriptPrefixes);
  const recording = run.received.filter((body) => variant.isRecordingPath?.(body.path) ?? true);
  const recordingBytes = sum(recording.map((body) => body.bytes));
  const seen = new Set<string>();
  let duplicateBytes = 0;
  for (const body of recording) {
    if (!body.batch) continue;
    const key = `${body.batch.session}/${body.batch.seq}`;
    if (seen.has(key)) duplicateBytes += body.bytes;
    seen.add(key);
  }
  const unique = recording.filter(
    (body, index) => body.body && recording.findIndex((other) => sameBatch(other, body)) === index,
  );
  const statuses: Record<string, number> = {};
  for (const body of run.received) statuses[body.status] = (statuses[body.status] ?? 0) + 1;
  const rrwebJson = run.documents.map((doc) => doc.rrwebJsonBytes ?? 0);
  const longestRecording = work.find((piece) => piece.kind === 'recording');
  const longestTransport = work.find((piece) => piece.kind === 'compression/transport');
  return {
    variant: run.variant,
    repeat: run.repeat,
    elapsedMs: run.elapsedMs,
    busyMs: sum(docBusy),
    demoBusyMs: sum(docBusy.filter((_, index) => index !== largeIndex)),
    largeBusyMs: docBusy[largeIndex] ?? 0,
    scriptMs: sum(run.documents.map((doc) => doc.scriptMs)),
    layoutMs: sum(run.documents.map((doc) => doc.layoutMs)),
    styleMs: sum(run.documents.map((doc) => doc.styleMs)),
    longestTaskMs: Math.max(
      0,
      ...unloadTasks,
      ...run.documents.flatMap((doc) => doc.longTasks.map((t) => t.durationMs)),
    ),
    ...(longestRecording ? { longestRecording } : {}),
    ...(longestTransport ? { longestTransport } : {}),
    recordingBytes,
    bytesPerMinute: recordingBytes / (run.elapsedMs / 60_000),
    requests: recording.length,
    duplicateBytes,
    ...(unique.length > 0 ? { rawBytes: sum(unique.map((body) => inflatedSize(body.body))) } : {}),
    ...(sum(rrwebJson) > 0 ? { rrwebJsonBytes: sum(rrwebJson) } : {}),
    heapBytes: run.heapBytes,
    workersStarted: run.workersStarted,
    statuses,
    maxLateMs: run.journey.maxLateMs,
    problems: [
      ...run.journey.stepErrors,
      ...run.unexpectedRequests.map((what) => `unexpected request ${what}`),
      ...run.received.filter((body) => body.error).map((body) => `${body.status} ${body.error}`),
    ],
  };
}

function sameBatch(a: { batch?: { session: string; seq: number } }, b: { batch?: { session: string; seq: number } }) {
  return (
    a.batch !== undefined && b.batch !== undefined && a.batch.session === b.batch.session && a.batch.seq === b.batch.seq
  );
}

function inflatedSize(body: Buffer | undefined): number {
  if (!body) return 0;
  try {
    return gunzipSync(body).byteLength;
  } catch {
    return 0;
  }
}
