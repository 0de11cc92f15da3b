/** One request body an ingest endpoint received. */
export interface ReceivedBody {
  path: string;
  /** Hindsight's session id and sequence number, from the query (the key is left out). */
  batch?: { session: string; seq: number };
  bytes: number;
  status: number;
  /** Kept where the bench inspects it afterwards (Hindsight's gzip batches, Sentry's envelopes). */
  body?: Buffer;
  /** The start of the answer when it was not a success, or the network error. */
  error?: string;
  /** How it was sent (Sec-Fetch-Mode `cors`: fetch, `no-cors`: sendBeacon) and when it arrived (epoch ms). */
  sender?: { mode: string; atMs: number };
}

/** Counts what one variant's ingest endpoint receives during a run. */
export interface IngestCounter {
  readonly received: ReceivedBody[];
  /** Requests to paths the fake server does not know (a sign the fake is incomplete). */
  readonly unexpected: string[];
  record(body: ReceivedBody): void;
  recordUnexpected(what: string): void;
  reset(): void;
}

export function createIngestCounter(): IngestCounter {
  const received: ReceivedBody[] = [];
  const unexpected: string[] = [];
  return {
    received,
    unexpected,
    record: (body) => void received.push(body),
    recordUnexpected: (what) => void unexpected.push(what),
    reset() {
      received.length = 0;
      unexpected.length = 0;
    },
  };
}

/** Reads a request body to the end. */
export async function readBody(request: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk);
  return Buffer.concat(chunks);
}
