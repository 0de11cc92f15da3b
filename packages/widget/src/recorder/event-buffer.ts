/**
 * Events waiting for the next batch, kept as JSON strings: each event is serialized once, when it arrives,
 * which also gives the batch's size without a second pass.
 */
export function createEventBuffer() {
  let parts: string[] = [];
  let bytes = 0;
  return {
    add(json: string): void {
      parts.push(json);
      bytes += json.length;
    },
    get bytes() {
      return bytes;
    },
    get count() {
      return parts.length;
    },
    /** Takes every buffered event, leaving the buffer empty. */
    drain(): string[] {
      const taken = parts;
      parts = [];
      bytes = 0;
      return taken;
    },
  };
}

/** The batch document: `{"events":[...],...meta}` built from already-serialized events. */
export function batchJson(events: string[], metaJson: string): string {
  return `{"events":[${events.join(',')}]${metaJson === '{}' ? '' : `,${metaJson.slice(1, -1)}`}}`;
}
