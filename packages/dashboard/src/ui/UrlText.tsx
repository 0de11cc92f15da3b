import { displayUrl } from '../format/format-url';

/** A recorded URL as text: muted host, then path; the full URL on hover. Never a link (recorded data is hostile). */
export function UrlText({ url, empty = '—' }: { url: string | null; empty?: string }) {
  const shown = displayUrl(url);
  if (!shown) return <span class="muted">{empty}</span>;
  return (
    <span class="url" title={url ?? undefined}>
      {shown.host && <span class="url-host">{shown.host}</span>}
      <span class="url-path">{shown.path}</span>
    </span>
  );
}
