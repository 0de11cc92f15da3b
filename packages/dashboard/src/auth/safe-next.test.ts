import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

const next = (value: string) => safeNext(new URLSearchParams({ next: value }));

describe('safeNext', () => {
  it('keeps paths of this origin with their query and hash', () => {
    expect(next('/apps/a1/activity?type=prompts')).toBe('/apps/a1/activity?type=prompts');
    expect(next('/sessions/s1#t=93.5')).toBe('/sessions/s1#t=93.5');
    expect(safeNext(new URLSearchParams())).toBe('/');
  });

  it('never leaves the origin or loops back to sign-in', () => {
    expect(next('https://evil.example/')).toBe('/');
    expect(next('//evil.example/x')).toBe('/');
    expect(next('/\\evil.example')).toBe('/');
    expect(next('javascript:alert(1)')).toBe('/');
    expect(next('/signin?next=/x')).toBe('/');
  });
});
