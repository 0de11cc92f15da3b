import { describe, expect, it } from 'vitest';
import { createFrameParser } from './chunk-frames';

function frame(seq: number, body: number[]): Uint8Array {
  const out = new Uint8Array(8 + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, seq);
  view.setUint32(4, body.length);
  out.set(body, 8);
  return out;
}

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('createFrameParser', () => {
  it('returns every complete frame of one piece', () => {
    const parser = createFrameParser();
    const frames = parser.push(concat(frame(0, [1, 2, 3]), frame(7, []), frame(4_000_000_000, [9])));
    expect(frames.map((f) => [f.seq, [...f.body]])).toEqual([
      [0, [1, 2, 3]],
      [7, []],
      [4_000_000_000, [9]],
    ]);
    expect(parser.pendingBytes).toBe(0);
  });

  it('reassembles frames split at every possible byte boundary', () => {
    const whole = concat(frame(1, [10, 11, 12, 13]), frame(2, [20]));
    for (let cut = 0; cut <= whole.length; cut++) {
      const parser = createFrameParser();
      const frames = [...parser.push(whole.slice(0, cut)), ...parser.push(whole.slice(cut))];
      expect(frames.map((f) => f.seq)).toEqual([1, 2]);
      expect([...frames[0]!.body]).toEqual([10, 11, 12, 13]);
    }
  });

  it('reports a truncated stream through pendingBytes', () => {
    const parser = createFrameParser();
    expect(parser.push(frame(3, [1, 2, 3]).slice(0, 9))).toEqual([]);
    expect(parser.pendingBytes).toBe(9);
  });

  it('refuses an absurd frame length instead of buffering forever', () => {
    const header = new Uint8Array(8);
    new DataView(header.buffer).setUint32(4, 0xffffffff);
    expect(() => createFrameParser().push(header)).toThrow(/claims/);
  });
});
