/**
 * Gmail routes in the hash: `#inbox/<token>`, `#label/Customers/<token>`, `#search/<query>/<token>`… where the
 * token is a thread id (`FMfcg…`/`KtbxL…` base-40 tokens, or a 16-hex legacy id). A bare `#inbox` is the list.
 */
const threadToken = /^(?:[A-Za-z]{24,}|[0-9a-f]{16})$/;

export function isGmailHost(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === 'mail.google.com';
}

export function isThreadPage(url: URL): boolean {
  if (!isGmailHost(url) || !url.pathname.startsWith('/mail/')) return false;
  const segments = url.hash.replace(/^#/, '').split('/').filter(Boolean);
  if (segments.length < 2) return false;
  const last = segments[segments.length - 1]!.split('?')[0]!;
  return threadToken.test(last);
}
