import type { SiteAdapter } from '../common/types';
import { isOwnHostThreadPage, isThreadPage } from './detect';
import { extract } from './extract';
import { findButtonAnchor } from './mount';
import { selectors } from './selectors';

export const adapter: SiteAdapter = { id: 'jira', isThreadPage, extract, findButtonAnchor, selectors };

/** The same adapter on a Jira Data Center host the organisation added in Options. */
export const ownHostAdapter: SiteAdapter = { ...adapter, isThreadPage: isOwnHostThreadPage };

/** The adapter for the page the content script runs in: Cloud's hosts, else an added own host. */
export function adapterForPage(url: string): SiteAdapter {
  return new URL(url).hostname.endsWith('.atlassian.net') ? adapter : ownHostAdapter;
}
