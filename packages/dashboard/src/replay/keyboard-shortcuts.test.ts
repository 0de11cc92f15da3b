import { describe, expect, it } from 'vitest';
import { shortcutFor } from './keyboard-shortcuts';

describe('shortcutFor', () => {
  it('maps the documented keys', () => {
    expect(shortcutFor({ key: ' ' })).toEqual({ type: 'toggle-play' });
    expect(shortcutFor({ key: 'ArrowLeft' })).toEqual({ type: 'seek-by', ms: -5_000 });
    expect(shortcutFor({ key: 'ArrowRight', shiftKey: true })).toEqual({ type: 'step', direction: 1 });
    expect(shortcutFor({ key: 'Home' })).toEqual({ type: 'seek-start' });
    expect(shortcutFor({ key: 'End' })).toEqual({ type: 'seek-end' });
    expect(shortcutFor({ key: 'F' })).toEqual({ type: 'fullscreen' });
    expect(shortcutFor({ key: '?' })).toEqual({ type: 'help' });
  });
  it('leaves typing and browser shortcuts alone', () => {
    expect(shortcutFor({ key: ' ', targetTag: 'input' })).toBeNull();
    expect(shortcutFor({ key: 'f', ctrlKey: true })).toBeNull();
    expect(shortcutFor({ key: 'x' })).toBeNull();
  });
});
