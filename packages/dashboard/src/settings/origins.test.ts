import { describe, expect, it } from 'vitest';
import { parseOrigins } from './origins';

describe('parseOrigins', () => {
  it('splits lines and commas, trims, drops trailing slashes and duplicates', () => {
    expect(parseOrigins(' https://a.example/\n\nhttps://b.example, https://a.example ')).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
    expect(parseOrigins('   ')).toEqual([]);
  });
});
