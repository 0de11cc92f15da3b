import { afterEach, expect, it } from 'vitest';
import { stringify } from './host';

const proto = Array.prototype as { toJSON?: () => unknown };

afterEach(() => {
  delete proto.toJSON;
});

it('serializes arrays as arrays even when the page patched Array.prototype.toJSON', () => {
  proto.toJSON = function (this: unknown[]) {
    return `patched:${this.length}`;
  };
  const event = { type: 3, data: { positions: [{ x: 1 }, { x: 2 }], adds: [] } };
  expect(JSON.parse(stringify(event))).toEqual(event);
  expect(proto.toJSON).toBeTypeOf('function'); // the page's patch is put back
});
