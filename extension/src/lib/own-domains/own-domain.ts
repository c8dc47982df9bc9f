import type { SiteId } from '@comms-log/shared';

/**
 * A site the organisation runs on its own host (Jira Data Center on jira.example.cn): the extension reads it only
 * after a user added it in Options and the browser granted that one origin (docs/architecture.md "Security").
 */
export type OwnDomain = {
  /** `https://jira.example.cn` (scheme and host, no path): what the permission and the content script match. */
  origin: string;
  /** Which adapter reads it. Only kinds listed in `ownDomainKinds` can be added. */
  kind: SiteId;
};

/**
 * Kinds a user may add on an own host, with the content script that reads them (WXT's output path). Every entry
 * here needs an adapter that accepts pages on any host (jira: `ownHostAdapter`).
 */
export const ownDomainKinds: Partial<Record<SiteId, { script: string }>> = {
  jira: { script: 'content-scripts/jira.js' },
};

export type OwnDomainProblem = 'empty' | 'not-a-host' | 'built-in' | 'kind';

/** Hosts the manifest already matches for their site: adding them again would only confuse. */
const builtInHost =
  /(^|\.)(atlassian\.net|google\.com|office\.com|office365\.com|live\.com|weibo\.com|weibo\.cn|trello\.com)$/;

/**
 * What a user typed ("jira.example.cn", "https://jira.example.cn/jira/browse/SUP-1") as an own domain: https
 * unless http is written out, the path dropped. A wildcard, a bare word or a host the extension already reads is
 * refused with the reason.
 */
export function parseOwnDomain(input: string, kind: string): OwnDomain | OwnDomainProblem {
  const text = input.trim();
  if (!text) return 'empty';
  if (!(kind in ownDomainKinds)) return 'kind';
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return 'not-a-host';
  }
  const host = url.hostname.toLowerCase();
  const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return 'not-a-host';
  if (!isIp && !/^([a-z0-9-]+\.)+[a-z][a-z0-9-]*$/.test(host)) return 'not-a-host';
  if (builtInHost.test(host)) return 'built-in';
  return { origin: `${url.protocol}//${url.host}`, kind: kind as SiteId };
}

/** The match pattern of an own domain for permissions and content scripts: `https://jira.example.cn/*`. */
export function matchPattern(domain: Pick<OwnDomain, 'origin'>): string {
  const url = new URL(domain.origin);
  // Match patterns carry no port; the origin's port is still the only one the page is on.
  return `${url.protocol}//${url.hostname}/*`;
}

/** The registered content script's id: stable per origin, so one registration replaces another. */
export function scriptId(domain: Pick<OwnDomain, 'origin'>): string {
  return `own-domain:${domain.origin}`;
}
