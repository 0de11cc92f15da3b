/** A recording's length: "0:42", "12:05", "1:02:03" (h:mm:ss once past an hour). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1_000));
  const hours = Math.floor(total / 3_600);
  const minutes = Math.floor((total % 3_600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

const counts = new Intl.NumberFormat('en');

/** 12345 -> "12,345". */
export function formatCount(value: number): string {
  return counts.format(value);
}
