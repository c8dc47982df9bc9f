import type { CapturedThread } from '@comms-log/shared';
import { isSiteChangedError } from '../../sites/common/site-changed-error';
import type { SiteAdapter } from '../../sites/common/types';

/** What a click finds on the page: a thread for the panel, or why there is none. */
export type PageRead =
  | { kind: 'thread'; thread: CapturedThread }
  | { kind: 'site-changed'; field: string }
  | { kind: 'no-thread' };

function extractOptions() {
  return { url: location.href, now: new Date(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
}

/**
 * The page's thread as the adapter reads it now. An adapter that throws anything else is a changed site too.
 * Each read is a `comms-log:extract` measure on the page's performance timeline (`pnpm bench`, page cost).
 */
export function readPage(adapter: SiteAdapter): PageRead {
  const start = performance.now();
  try {
    const thread = adapter.extract(document, extractOptions());
    return thread ? { kind: 'thread', thread } : { kind: 'no-thread' };
  } catch (err) {
    return { kind: 'site-changed', field: isSiteChangedError(err) ? err.selectorKey : 'unexpected' };
  } finally {
    performance.measure('comms-log:extract', { start });
  }
}

/** The thread key of the page, if the adapter can read the thread now; silent on failure (a click reports it). */
export function quietThreadKey(adapter: SiteAdapter): string | null {
  const read = readPage(adapter);
  return read.kind === 'thread' ? `${read.thread.site}:${read.thread.threadId}` : null;
}
