/** URL predicates for Trello: a card back is open when the route is `/c/<shortLink>/…`. */

/** Card short links are 8 base62 characters; the slug after them is optional. */
const cardPath = /^\/c\/([0-9A-Za-z]{8})(?:\/|$)/;

/** The card short link when the URL shows a card, else null. */
export function parseCardShortLink(url: URL): string | null {
  if (url.protocol !== 'https:' || url.hostname !== 'trello.com') return null;
  const m = cardPath.exec(url.pathname);
  return m ? m[1]! : null;
}

export function isThreadPage(url: URL): boolean {
  return parseCardShortLink(url) !== null;
}
