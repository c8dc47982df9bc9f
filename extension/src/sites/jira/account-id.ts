import { all } from '../common/query';

/** Atlassian account ids: `712020:<uuid>` (and other `<n>:<uuid>` prefixes) or the older 24-hex form. */
const accountIdPattern = /^(?:\d+:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{24})$/i;

/** The account id in an avatar or profile URL (`…/712020:<uuid>/<uuid>/48`, `/jira/people/<id>`). */
export function accountIdFromUrl(href: string | null | undefined): string | null {
  if (!href) return null;
  let path: string;
  try {
    path = new URL(href, 'https://x.atlassian.net').pathname;
  } catch {
    return null;
  }
  for (const segment of path.split('/')) {
    const decoded = safeDecode(segment);
    if (accountIdPattern.test(decoded)) return decoded;
  }
  return null;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Fixture pages keep remote avatar URLs in `data-fixture-src` so nothing is fetched; real pages use `src`. */
export function avatarAccountId(root: Element | null): string | null {
  if (!root) return null;
  for (const img of all(root, 'img')) {
    const id = accountIdFromUrl(img.getAttribute('src')) ?? accountIdFromUrl(img.getAttribute('data-fixture-src'));
    if (id) return id;
  }
  return null;
}
