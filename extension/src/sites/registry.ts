import type { SiteId } from '@comms-log/shared';
import type { SiteAdapter } from './common/types';
import { adapter as gmail } from './gmail/index';
import { adapter as jira } from './jira/index';
import { adapter as outlook } from './outlook/index';
import { adapter as trello } from './trello/index';
import { adapter as weibo } from './weibo/index';

/** Every site adapter, listed once; registry.test.ts checks each folder is complete. */
export const adapters: Record<SiteId, SiteAdapter> = { gmail, outlook, weibo, jira, trello };

/** The adapter whose thread-page predicate accepts the URL, or null (also for unparsable URLs). */
export function adapterForUrl(url: string): SiteAdapter | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return Object.values(adapters).find((a) => a.isThreadPage(parsed)) ?? null;
}
