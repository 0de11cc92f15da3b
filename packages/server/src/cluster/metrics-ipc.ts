import cluster, { type Worker } from 'node:cluster';
import { randomUUID } from 'node:crypto';
import type { Metrics, MetricsSnapshot } from '../observability/metrics';

/**
 * Cluster-wide /metrics: the worker that receives a scrape asks the primary, the primary asks every worker for
 * its snapshot and answers with all of them. Messages are plain objects over node:cluster's IPC channel.
 */
type Message =
  | { kind: 'hindsight:metrics-request'; id: string }
  | { kind: 'hindsight:metrics-collect'; id: string }
  | { kind: 'hindsight:metrics-snapshot'; id: string; snapshot: MetricsSnapshot }
  | { kind: 'hindsight:metrics-response'; id: string; snapshots: MetricsSnapshot[] };

const COLLECT_TIMEOUT_MS = 1_000;

/** In the primary: relays metrics requests between workers. */
export function serveMetricsToWorkers(): void {
  cluster.on('message', (requester: Worker, message: Message) => {
    if (message?.kind !== 'hindsight:metrics-request') return;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w?.isConnected() === true);
    const snapshots: MetricsSnapshot[] = [];
    const collectId = randomUUID();
    const finish = () => {
      cluster.off('message', onSnapshot);
      clearTimeout(timer);
      if (requester.isConnected()) requester.send({ kind: 'hindsight:metrics-response', id: message.id, snapshots });
    };
    const onSnapshot = (_worker: Worker, reply: Message) => {
      if (reply?.kind !== 'hindsight:metrics-snapshot' || reply.id !== collectId) return;
      snapshots.push(reply.snapshot);
      if (snapshots.length === workers.length) finish();
    };
    // A worker that is busy or dying must not hang the scrape: answer with what arrived.
    const timer = setTimeout(finish, COLLECT_TIMEOUT_MS);
    cluster.on('message', onSnapshot);
    for (const worker of workers) worker.send({ kind: 'hindsight:metrics-collect', id: collectId });
  });
}

/** In a worker: answers the primary's collect calls, and returns the function /metrics uses to gather all. */
export function connectWorkerMetrics(metrics: Metrics): () => Promise<MetricsSnapshot[]> {
  const pending = new Map<string, (snapshots: MetricsSnapshot[]) => void>();
  process.on('message', (message: Message) => {
    if (message?.kind === 'hindsight:metrics-collect') {
      process.send?.({ kind: 'hindsight:metrics-snapshot', id: message.id, snapshot: metrics.snapshot() });
    } else if (message?.kind === 'hindsight:metrics-response') {
      pending.get(message.id)?.(message.snapshots);
      pending.delete(message.id);
    }
  });
  return () =>
    new Promise((resolve) => {
      const id = randomUUID();
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve([metrics.snapshot()]);
      }, COLLECT_TIMEOUT_MS * 2);
      pending.set(id, (snapshots) => {
        clearTimeout(timer);
        resolve(snapshots);
      });
      process.send?.({ kind: 'hindsight:metrics-request', id });
    });
}
