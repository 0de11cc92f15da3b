import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_OPTIONS, detailsText } from './audit-labels';

describe('audit labels', () => {
  it('offers every action', () => {
    expect(AUDIT_ACTION_OPTIONS).toContain('auth.sign_in');
    expect(AUDIT_ACTION_OPTIONS).toHaveLength(22);
  });

  it('writes details as plain text', () => {
    expect(detailsText({ format: 'csv', count: 12, fields: ['name'] })).toBe(
      'format: csv, count: 12, fields: ["name"]',
    );
    expect(detailsText({})).toBe('');
  });
});
