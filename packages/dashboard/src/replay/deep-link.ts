/** Reads `#t=93.5` (seconds into the recording) from a location hash; null when absent or invalid. */
export function parseTimeHash(hash: string): number | null {
  const match = /(?:^#|&)t=([0-9]+(?:\.[0-9]+)?)(?:&|$)/.exec(hash.startsWith('#') ? hash : `#${hash}`);
  if (!match) return null;
  const seconds = Number(match[1]);
  return Number.isFinite(seconds) ? Math.round(seconds * 1000) : null;
}

/** The hash for a moment of the recording, `#t=<seconds>` with at most one decimal. */
export function formatTimeHash(offsetMs: number): string {
  return `#t=${Math.round(Math.max(0, offsetMs) / 100) / 10}`;
}
