import { expect, it } from 'vitest';
import { batchJson, createEventBuffer } from './event-buffer';

it('keeps serialized events with their total size and hands them over once', () => {
  const buffer = createEventBuffer();
  buffer.add('{"type":3}');
  buffer.add('{"type":5}');
  expect(buffer.count).toBe(2);
  expect(buffer.bytes).toBe(20);
  expect(buffer.drain()).toEqual(['{"type":3}', '{"type":5}']);
  expect(buffer.count).toBe(0);
  expect(buffer.bytes).toBe(0);
  expect(buffer.drain()).toEqual([]);
});

it('builds the batch document around already-serialized events', () => {
  const json = batchJson(['{"type":2,"timestamp":1,"data":{}}'], '{"visitorId":"v1","pagehide":true}');
  expect(JSON.parse(json)).toEqual({ events: [{ type: 2, timestamp: 1, data: {} }], visitorId: 'v1', pagehide: true });
  expect(JSON.parse(batchJson(['{"type":3,"timestamp":1,"data":{}}'], '{}'))).toEqual({
    events: [{ type: 3, timestamp: 1, data: {} }],
  });
});
