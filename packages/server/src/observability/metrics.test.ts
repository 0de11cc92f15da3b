import { expect, it } from 'vitest';
import { createMetrics, renderMetrics } from './metrics';

it('sums the snapshots of several processes into one Prometheus exposition', () => {
  const a = createMetrics();
  const b = createMetrics();
  a.increment('hindsight_ingest_batches_total', { result: 'accepted' }, 3);
  b.increment('hindsight_ingest_batches_total', { result: 'accepted' }, 2);
  b.increment('hindsight_ingest_batches_total', { result: 'rejected', code: 'invalid_batch' });
  a.observe('hindsight_ingest_duration_seconds', 0.004);
  b.observe('hindsight_ingest_duration_seconds', 0.3);

  const text = renderMetrics([a.snapshot(), b.snapshot()], { hindsight_active_sessions: 7 });
  expect(text).toContain('# TYPE hindsight_ingest_batches_total counter');
  expect(text).toContain('hindsight_ingest_batches_total{result="accepted"} 5');
  expect(text).toContain('hindsight_ingest_batches_total{code="invalid_batch",result="rejected"} 1');
  expect(text).toContain('hindsight_ingest_duration_seconds_bucket{le="0.005"} 1');
  expect(text).toContain('hindsight_ingest_duration_seconds_bucket{le="0.5"} 2');
  expect(text).toContain('hindsight_ingest_duration_seconds_bucket{le="+Inf"} 2');
  expect(text).toContain('hindsight_ingest_duration_seconds_count 2');
  expect(text).toContain('hindsight_active_sessions 7');
});
