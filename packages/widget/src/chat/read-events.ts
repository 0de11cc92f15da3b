/**
 * Reads a server-sent event stream (the body of a fetch) and calls `onEvent` with each event's name and data.
 * EventSource cannot POST, so the chat reads the stream itself. Resolves when the stream ends; an event cut off
 * by the end is dropped, as EventSource does.
 */
export async function readEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (name: string, data: string) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    buffer += decoder.decode(value, { stream: !done });
    // An event ends at a blank line (LF or CRLF line ends; the spec's lone CR is not supported).
    const blocks = buffer.split(/\r?\n\r?\n/);
    buffer = blocks.pop() ?? '';
    for (const block of blocks) {
      let name = 'message';
      const data: string[] = [];
      for (const line of block.split(/\r?\n/)) {
        const [, field, value = ''] = /^([^:]*):? ?(.*)$/.exec(line) ?? [];
        if (field === 'event') name = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length) onEvent(name, data.join('\n'));
    }
    if (done) return;
  }
}
