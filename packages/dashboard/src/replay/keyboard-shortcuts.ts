/** What a key press asks the viewer to do. */
export type ShortcutAction =
  | { type: 'toggle-play' }
  | { type: 'seek-by'; ms: number }
  | { type: 'seek-start' }
  | { type: 'seek-end' }
  | { type: 'step'; direction: 1 | -1 }
  | { type: 'fullscreen' }
  | { type: 'help' }
  | { type: 'close' };

export const SEEK_STEP_MS = 5_000;

/** The shortcuts, for the help overlay. */
export const SHORTCUTS: readonly [keys: string, what: string][] = [
  ['Space', 'Play / pause'],
  ['← / →', 'Back / forward 5 s'],
  ['Shift + ← / →', 'Previous / next event group'],
  ['Home / End', 'Start / end'],
  ['F', 'Fullscreen'],
  ['?', 'This help'],
  ['Esc', 'Close help'],
];

interface KeyLike {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** Tag name of the focused element: typing in a field is not a shortcut. */
  targetTag?: string;
}

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** Maps a key press to a viewer action, or null when the key is not a shortcut (or the user is typing). */
export function shortcutFor(event: KeyLike): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.targetTag && TYPING_TAGS.has(event.targetTag.toUpperCase())) return null;
  switch (event.key) {
    case ' ':
    case 'Spacebar':
      return { type: 'toggle-play' };
    case 'ArrowLeft':
      return event.shiftKey ? { type: 'step', direction: -1 } : { type: 'seek-by', ms: -SEEK_STEP_MS };
    case 'ArrowRight':
      return event.shiftKey ? { type: 'step', direction: 1 } : { type: 'seek-by', ms: SEEK_STEP_MS };
    case 'Home':
      return { type: 'seek-start' };
    case 'End':
      return { type: 'seek-end' };
    case 'f':
    case 'F':
      return { type: 'fullscreen' };
    case '?':
      return { type: 'help' };
    case 'Escape':
      return { type: 'close' };
    default:
      return null;
  }
}
