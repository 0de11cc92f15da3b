import { gzipBatches, type Recording } from './recordings';

/** Sends a recording's batches to the real server's ingest endpoint, in sequence, as the widget does. */
export async function ingestRecording(
  origin: string,
  appKey: string,
  recording: Recording,
  fromSeq = 0,
): Promise<void> {
  const bodies = gzipBatches(recording.batches);
  for (let seq = fromSeq; seq < bodies.length; seq++) {
    const url = `${origin}/ingest/v1/batch?key=${appKey}&session=${recording.id}&seq=${seq}`;
    const response = await fetch(url, {
      method: 'POST',
      body: new Uint8Array(bodies[seq]!),
      headers: { 'Content-Type': 'text/plain' },
    });
    if (!response.ok) throw new Error(`ingest ${recording.id} #${seq}: ${response.status} ${await response.text()}`);
  }
}

/** Ends a session (the widget's "end chat"), so it is `completed`. */
export async function endRecording(origin: string, appKey: string, sessionId: string): Promise<void> {
  const response = await fetch(`${origin}/ingest/v1/end?key=${appKey}&session=${sessionId}`, { method: 'POST' });
  if (!response.ok) throw new Error(`end ${sessionId}: ${response.status}`);
}
