import { describe, expect, it } from 'vitest';
import { appPath, matchRoute, replayPath } from './match-route';

describe('matchRoute', () => {
  it('names every page', () => {
    expect(matchRoute('/')).toEqual({ name: 'home' });
    expect(matchRoute('/signin')).toEqual({ name: 'signin' });
    expect(matchRoute('/setup')).toEqual({ name: 'setup' });
    expect(matchRoute('/invite')).toEqual({ name: 'invite' });
    expect(matchRoute('/audit')).toEqual({ name: 'audit' });
    expect(matchRoute('/apps/a1/sessions')).toEqual({ name: 'sessions', appId: 'a1' });
    expect(matchRoute('/apps/a1')).toEqual({ name: 'sessions', appId: 'a1' });
    expect(matchRoute('/apps/a1/activity/')).toEqual({ name: 'activity', appId: 'a1' });
    expect(matchRoute('/apps/a1/settings')).toEqual({ name: 'settings', appId: 'a1' });
    expect(matchRoute('/sessions/s_123')).toEqual({ name: 'replay', sessionId: 's_123' });
  });

  it('refuses unknown and malformed paths', () => {
    expect(matchRoute('/apps')).toEqual({ name: 'not-found' });
    expect(matchRoute('/apps/a1/other')).toEqual({ name: 'not-found' });
    expect(matchRoute('/sessions/a/b')).toEqual({ name: 'not-found' });
    expect(matchRoute('/sessions/%E0%A4%A')).toEqual({ name: 'not-found' });
  });
});

describe('paths', () => {
  it('encodes ids and rounds the replay moment', () => {
    expect(appPath('a/1', 'activity')).toBe('/apps/a%2F1/activity');
    expect(replayPath('s1')).toBe('/sessions/s1');
    expect(replayPath('s1', 93.54)).toBe('/sessions/s1#t=93.5');
    expect(replayPath('s1', 0)).toBe('/sessions/s1#t=0');
  });
});
