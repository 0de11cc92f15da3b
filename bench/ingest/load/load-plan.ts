/** What the load generator process is asked to do: one run against one target. */
export interface LoadPlan {
  /** `peak`: closed loop, every connection sends as fast as answers come (autocannon). `paced`: open loop at `ratePerSecond`. */
  kind: 'peak' | 'paced';
  origin: string;
  publicKey: string;
  /** Makes this run's session ids unique (16-64 chars with the counter). */
  sessionPrefix: string;
  connections: number;
  durationSeconds: number;
  ratePerSecond?: number;
}

/** What one run measured, from the load generator's side. */
export interface LoadStats {
  durationSeconds: number;
  /** Responses with a 2xx status. */
  ok: number;
  accepted: number;
  duplicates: number;
  /** Responses with any other status, by status. */
  failedByStatus: Record<string, number>;
  /** Socket errors and timeouts. */
  errors: number;
  /** Sums over the 2xx batches. */
  events: number;
  compressedBytes: number;
  rawBytes: number;
  /** Latency of 2xx responses in ms; for paced runs measured from the scheduled send time. */
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
}
