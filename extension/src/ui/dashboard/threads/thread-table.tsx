import { useState } from 'react';
import type { ThreadItem, ThreadStatus } from '@comms-log/shared';
import type { MessageKey } from '../../../lib/i18n';
import { reportFormat } from '../../../lib/report/tables';
import { useDashboard } from '../dashboard-context';
import { RecordTable } from '../record-table/record-table';
import { usePurposeLabel } from '../purpose-label';
import { ThreadActionForm, threadName } from './thread-action';
import type { ThreadAction } from './thread-action-check';

const stateKey: Record<ThreadStatus, MessageKey> = {
  open: 'dashThreadStateOpen',
  resolved: 'dashThreadStateResolved',
  reopened: 'dashThreadStateReopened',
};

/** Submits a resolve or reopen of a conversation at `at` (ISO), with a note for a resolve. */
export type OnThreadAction = (item: ThreadItem, action: ThreadAction, at: string, note: string) => Promise<void>;

/**
 * The conversations behind a resolution figure: purpose, opened, state, when resolved, our replies before the
 * resolution and the working time it took; each with Resolve (or Reopen, once resolved).
 */
export function ThreadTable({ items, onAction }: { items: ThreadItem[]; onAction: OnThreadAction }) {
  const { t } = useDashboard();
  const [acting, setActing] = useState<{ key: string; action: ThreadAction } | null>(null);
  return (
    <RecordTable
      label={t('dashThreadsWord')}
      columns={[
        { head: t('dashThreadColConversation') },
        { head: t('dashColStakeholder') },
        { head: t('dashThreadColPurpose') },
        { head: t('dashThreadColOpened') },
        { head: t('dashColStatus') },
        { head: t('dashThreadColResolvedAt') },
        { head: t('dashThreadColReplies'), num: true },
        { head: t('dashThreadColWorkH'), num: true },
        { head: '' },
      ]}
      items={items}
      rowKey={(i) => i.threadKey}
      row={(i) => <ThreadRow item={i} onAct={(action) => setActing({ key: i.threadKey, action })} />}
      panel={(i) =>
        acting?.key === i.threadKey && (
          <ThreadActionForm
            item={i}
            action={acting.action}
            onSubmit={async (at, note) => {
              await onAction(i, acting.action, at, note);
              setActing(null);
            }}
            onCancel={() => setActing(null)}
          />
        )
      }
    />
  );
}

function ThreadRow({ item: i, onAct }: { item: ThreadItem; onAct(action: ThreadAction): void }) {
  const { t, lang, zone } = useDashboard();
  const purposeLabel = usePurposeLabel();
  const f = reportFormat(lang);
  const muted = (text: string) => <span className="pg-muted">{text}</span>;
  const action: ThreadAction = i.state === 'resolved' ? 'reopen' : 'resolve';
  return (
    <tr data-state={i.state}>
      <th scope="row">
        {i.url ? (
          <a href={i.url} target="_blank" rel="noreferrer noopener">
            {threadName(i)}
          </a>
        ) : (
          threadName(i)
        )}
        <div className="pg-muted">{f.channel(i.channel)}</div>
      </th>
      <td>
        {i.stakeholderName ?? muted(t('dashUnknown'))} {muted(f.type(i.stakeholderType))}
      </td>
      <td>{i.purpose ? purposeLabel(i.purpose) : muted(t('dashThreadNoPurpose'))}</td>
      <td>{f.dateTime(i.openedAt, zone)}</td>
      <td>
        <span className={`dash-thread-state dash-thread-${i.state}`}>{t(stateKey[i.state])}</span>
      </td>
      <td>{i.resolvedAt ? f.dateTime(i.resolvedAt, zone) : ''}</td>
      <td className="dash-num">{i.replies}</td>
      <td className="dash-num">{i.resolutionWorkMs === null ? '' : f.hours(i.resolutionWorkMs)}</td>
      <td>
        <button
          type="button"
          className="pg-link"
          aria-label={t(action === 'resolve' ? 'dashThreadResolveAria' : 'dashThreadReopenAria', threadName(i))}
          onClick={() => onAct(action)}
        >
          {t(action === 'resolve' ? 'dashThreadResolve' : 'dashThreadReopen')}
        </button>
      </td>
    </tr>
  );
}
