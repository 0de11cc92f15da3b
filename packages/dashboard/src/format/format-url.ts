/** A recorded URL split for display: the host and the rest (path, query, hash). Never turned into markup. */
export interface DisplayUrl {
  host: string;
  path: string;
  /** Only http(s) URLs may ever become a link; recorded `javascript:` or `data:` URLs stay text. */
  safeHref: string | null;
}

/** Splits a recorded URL into host + path for a compact cell; anything unparsable is shown whole as the path. */
export function displayUrl(raw: string | null | undefined): DisplayUrl | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { host: '', path: raw, safeHref: null };
  }
  const web = url.protocol === 'http:' || url.protocol === 'https:';
  if (!web) return { host: '', path: raw, safeHref: null };
  const path = `${url.pathname}${url.search}${url.hash}`;
  return { host: url.host, path: path === '/' ? '/' : path, safeHref: url.href };
}
