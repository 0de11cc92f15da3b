/** The allowed-origins textarea: one origin per line (or comma-separated), blanks dropped, duplicates once. */
export function parseOrigins(text: string): string[] {
  const origins = text
    .split(/[\s,]+/)
    .map((line) => line.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  return [...new Set(origins)];
}
