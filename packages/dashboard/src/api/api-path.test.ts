import { describe, expect, it } from 'vitest';
import { apiPath, queryString } from './api-path';

describe('apiPath', () => {
  it('prefixes /api once', () => {
    expect(apiPath('/sessions/abc')).toBe('/api/sessions/abc');
    expect(apiPath('/api/sessions/abc')).toBe('/api/sessions/abc');
    expect(apiPath('auth/me')).toBe('/api/auth/me');
    expect(apiPath('/apis')).toBe('/api/apis');
  });
});

describe('queryString', () => {
  it('keeps only set values and encodes them', () => {
    expect(queryString({ status: 'active', q: '', cursor: null, limit: 50, x: undefined })).toBe(
      '?status=active&limit=50',
    );
    expect(queryString({ q: 'a b&c' })).toBe('?q=a+b%26c');
    expect(queryString({})).toBe('');
  });
});
