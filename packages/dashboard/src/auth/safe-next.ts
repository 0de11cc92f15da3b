/**
 * Where sign-in sends the user back to: `?next=` only when it is a path on this origin. `//evil.example` and
 * `/\evil.example` are protocol-relative to browsers, and a full URL could be any site: all fall back to `/`.
 */
export function safeNext(query: URLSearchParams): string {
  const next = query.get('next');
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/signin' || next.startsWith('/signin?') || next.startsWith('/signin#')) return '/';
  return next;
}
