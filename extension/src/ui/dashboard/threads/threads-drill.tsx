import { useState } from 'react';
import type { MetricsThreadsInput, ThreadItem } from '@comms-log/shared';
import { withApi } from '../../../lib/api/session';
import { useDashboard } from '../dashboard-context';
import { PagedRecords } from '../drilldown/paged-records';
import { useCursorList } from '../use-cursor-list';
import { threadName } from './thread-action';
import type { ThreadAction } from './thread-action-check';
import { ThreadTable } from './thread-table';

const PAGE = 50;

/**
 * States as the list shows them: as of now (or the period's end, when it is over), so a conversation resolved or
 * reopened here shows its new state at once, as the goals do once the page asks them again.
 */
const asOfNow = (input: Omit<MetricsThreadsInput, 'cursor' | 'limit'>) =>
  new Date(Math.min(Date.now(), Date.parse(input.filter.to) - 1)).toISOString();

/** Resolves or reopens a conversation through `threads.resolve` / `threads.reopen`. */
function act(item: ThreadItem, action: ThreadAction, at: string, note: string) {
  return withApi((c) =>
    action === 'resolve'
      ? c.threads.resolve.mutate({ threadKey: item.threadKey, resolvedAt: at, ...(note ? { note } : {}) })
      : c.threads.reopen.mutate({ threadKey: item.threadKey, reopenedAt: at }),
  );
}

/** The conversations behind a resolution goal (`metrics.threads`), page by page, each to resolve or reopen. */
export function ThreadsDrill({ input }: { input: Omit<MetricsThreadsInput, 'cursor' | 'limit'> }) {
  const { t, bumpData } = useDashboard();
  const [done, setDone] = useState<string | null>(null);
  const list = useCursorList(JSON.stringify(input), (c, cursor) =>
    c.metrics.threads.query({ ...input, asOf: asOfNow(input), cursor, limit: PAGE }),
  );
  const onAction = async (item: ThreadItem, action: ThreadAction, at: string, note: string) => {
    setDone(null);
    await act(item, action, at, note);
    setDone(t(action === 'resolve' ? 'dashThreadResolvedOk' : 'dashThreadReopenedOk', threadName(item)));
    list.reload();
    bumpData();
  };
  const count =
    list.total === null ? t('dashLoading', t('dashThreadsWord')) : t('dashThreadCount', list.items.length, list.total);
  return (
    <PagedRecords list={list} count={count} notice={done}>
      <ThreadTable items={list.items} onAction={onAction} />
    </PagedRecords>
  );
}
