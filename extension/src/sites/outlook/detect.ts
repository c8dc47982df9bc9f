/** Outlook on the web: work/school (office.com, office365.com) and consumer (live.com) mailboxes. */
const hosts = new Set(['outlook.office.com', 'outlook.office365.com', 'outlook.live.com']);

export function isOutlookHost(url: URL): boolean {
  return url.protocol === 'https:' && hosts.has(url.hostname);
}

/**
 * A conversation is open when the route names an item: `/mail/<folder…>/id/<id>` (optionally `/mail/0/…`), or a
 * popped-out window's `/mail/deeplink/read/<item id>` or `/mail/deeplink/readconv/<conversation id>`.
 */
export function isThreadPage(url: URL): boolean {
  if (!isOutlookHost(url)) return false;
  return (
    /^\/mail\/(?:\d+\/)?(?:[^?#]+\/)?id\/[^/]+/.test(url.pathname) ||
    /^\/mail\/(?:\d+\/)?deeplink\/read(?:conv)?\/[^/]+/.test(url.pathname)
  );
}

/** The URL-encoded conversation or item id in the route, decoded; null when there is none. */
export function idFromUrl(url: URL): string | null {
  const match = url.pathname.match(/\/(?:id|read|readconv)\/([^/]+)/);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}
