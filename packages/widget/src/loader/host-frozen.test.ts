import { expect, it } from 'vitest';
import { stringify } from './host';

// In a file of its own: a non-configurable property cannot be removed again, and vitest isolates files.
it('serializes arrays as arrays when the patch cannot be removed (frozen Array.prototype)', () => {
  Object.defineProperty(Array.prototype, 'toJSON', { value: () => 'patched', configurable: false, writable: false });
  Object.freeze(Array.prototype);
  expect(JSON.stringify([1, 2])).toBe('"patched"'); // the page's patch is in force
  expect(JSON.parse(stringify([1, [2, 3], { a: [4] }]))).toEqual([1, [2, 3], { a: [4] }]);
  expect(JSON.parse(stringify({ events: [{ type: 2, data: { childNodes: [] } }] }))).toEqual({
    events: [{ type: 2, data: { childNodes: [] } }],
  });
});
