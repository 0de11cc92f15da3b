import { describe, expect, it } from 'vitest';
import { platformLabel, ROLE_OPTIONS } from './labels';

describe('labels', () => {
  it('joins what is known about the platform', () => {
    expect(platformLabel(['Chrome', 'macOS', 'desktop'])).toBe('Chrome · macOS · desktop');
    expect(platformLabel([null, 'iOS', null])).toBe('iOS');
    expect(platformLabel([null, null, null])).toBe('—');
  });

  it('offers every role', () => {
    expect(ROLE_OPTIONS).toEqual(['owner', 'admin', 'viewer']);
  });
});
