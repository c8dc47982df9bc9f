import type { StakeholderSummary } from '../outbox/directory';

/**
 * The domains a news page's outlet may be filed under in the directory (identities of kind `domain`), most
 * specific first: `tech.example.com.cn` gives itself, `example.com.cn` and `com.cn` (a suffix no one files an
 * outlet under, so asking costs nothing); a leading `www.` is dropped.
 */
export function outletDomains(url: string): string[] {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return [];
  }
  if (host === '' || /^[\d.]+$/.test(host) || host.startsWith('[')) return [];
  const labels = host.replace(/^www\./, '').split('.');
  const domains: string[] = [];
  for (let i = 0; i <= labels.length - 2 && domains.length < 4; i++) domains.push(labels.slice(i).join('.'));
  return domains;
}

/** An entry a coverage item can name: a media stakeholder the server already has (not one made offline). */
export function isUsableOutlet(s: StakeholderSummary | null | undefined): s is StakeholderSummary {
  return s?.type === 'media' && !s.pending;
}

/**
 * The outlet a site name (og:site_name) points at among directory search results: the one whose name or
 * organisation is that name, else the only media entry found; none when it is unclear.
 */
export function outletBySiteName(siteName: string, found: readonly StakeholderSummary[]): StakeholderSummary | null {
  const name = siteName.trim().toLowerCase();
  const outlets = found.filter(isUsableOutlet);
  const exact = outlets.find((s) => s.name.toLowerCase() === name || s.organization?.toLowerCase() === name);
  return exact ?? (outlets.length === 1 ? outlets[0]! : null);
}
