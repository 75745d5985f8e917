/**
 * Where to go after signing in (`/signin?from=…`): only a path of this site. Browsers read a
 * backslash as a slash, so `/\evil.example` is another site to them; such values, protocol-
 * relative ones, control characters and the sign-in page itself count as no `from` at all.
 */
const BASE = 'http://steward.invalid';

export function safeReturnPath(from: string | null | undefined): string | null {
  if (!from?.startsWith('/') || from.startsWith('//')) return null;
  // Backslashes and control characters: never part of a path this app links to.
  if (from.includes('\\') || [...from].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) {
    return null;
  }
  let url: URL;
  try {
    url = new URL(from, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE || url.pathname === '/signin' || url.pathname.startsWith('/signin/')) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
