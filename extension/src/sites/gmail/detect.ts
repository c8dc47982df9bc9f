/**
 * Gmail routes in the hash: `#inbox/<token>`, `#label/Customers/<token>`, `#search/<query>/<token>`… where the
 * token is a thread id (`FMfcg…`/`KtbxL…` base-40 tokens, or a 16-hex legacy id). A bare `#inbox` is the list.
 * A conversation opened in its own window is `/mail/u/<n>/popout?…&th=%23thread-f%3A<decimal>` (fixtures/SOURCES.md).
 */
const threadToken = /^(?:[A-Za-z]{24,}|[0-9a-f]{16})$/;

export function isGmailHost(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === 'mail.google.com';
}

const popoutPath = /^\/mail\/(?:u\/\d+\/)?popout$/;
const popoutThread = /^#?thread-[af]:r?-?\d+$/;

export function isThreadPage(url: URL): boolean {
  if (!isGmailHost(url) || !url.pathname.startsWith('/mail/')) return false;
  if (popoutPath.test(url.pathname)) return popoutThread.test(url.searchParams.get('th') ?? '');
  const segments = url.hash.replace(/^#/, '').split('/').filter(Boolean);
  if (segments.length < 2) return false;
  const last = segments[segments.length - 1]!.split('?')[0]!;
  return threadToken.test(last);
}
