import { useState } from 'react';
import type { OverdueItem, ThreadOutcomeKind } from '@comms-log/shared';
import type { FollowupActionRequest } from '../../lib/followups/local';
import { rowText, type RowText } from '../../lib/followups/row-text';
import type { Lang } from '../../lib/i18n';
import type { ThreadOutcomeState } from '../../lib/outbox/thread-outcomes';
import type { T } from '../use-t';
import { isOpenableUrl } from './followup-format';
import { ActivityRow } from './activity-row';
import { NoReplyForm, SnoozePanel } from './followup-panels';

/** The rows that can be acted on here (snoozed, done, answered); an overdue activity only shows. */
export type ActionableItem = Exclude<OverdueItem, { kind: 'activity' }>;

export type RowProps = {
  t: T;
  lang: Lang;
  item: OverdueItem;
  /** The group the row is shown in (for tests and styling). */
  group: string;
  /** When the list was computed: calendar waits grow from there while the popup is open. */
  nowMs: number;
  timeZone: string | undefined;
  onAct: (item: OverdueItem, action: FollowupActionRequest) => Promise<void>;
  onOpen: (url: string) => void;
  onLogCall: (item: OverdueItem) => void;
  /** Waits' threads by key: resolved or not, as this browser knows. */
  outcomes: Record<string, ThreadOutcomeState>;
  /** Resolve or reopen a wait's thread now, through the outbox. */
  onOutcome: (threadKey: string, event: ThreadOutcomeKind) => Promise<void>;
};

type Open = 'none' | 'snooze' | 'no-reply';

/** One follow-up: what it is, how late, and what can be done about it. Every text from the data renders as text. */
export function FollowupRow(props: RowProps) {
  const { item } = props;
  if (item.kind === 'activity') return <ActivityRow {...props} item={item} />;
  return <ActionableRow {...props} item={item} />;
}

function ActionableRow(props: RowProps & { item: ActionableItem }) {
  const { t, item, group, nowMs, onAct } = props;
  const [open, setOpen] = useState<Open>('none');
  const [reason, setReason] = useState('');
  const [date, setDate] = useState('');
  const [busy, setBusy] = useState(false);
  const text = rowText(t, props.lang, item, nowMs, props.timeZone);
  const name = text.name;

  async function act(action: FollowupActionRequest) {
    setBusy(true);
    try {
      await onAct(item, action);
      setOpen('none');
    } finally {
      setBusy(false);
    }
  }

  return (
    <article
      className={`fu-row fu-${item.state}`}
      data-testid="fu-row"
      data-kind={item.kind}
      data-group={group}
      data-id={item.id}
      aria-label={name}
    >
      <FollowupHeadline text={text} />
      <FollowupDetail item={item} text={text} />
      <FollowupActions
        {...props}
        open={open}
        busy={busy}
        onToggle={(panel) => setOpen(open === panel ? 'none' : panel)}
        onAction={(action) => void act(action)}
      />
      {open === 'snooze' ? (
        <SnoozePanel
          t={t}
          item={item}
          nowMs={nowMs}
          busy={busy}
          date={date}
          onDate={setDate}
          onAction={(action) => void act(action)}
        />
      ) : null}
      {open === 'no-reply' && item.kind === 'wait' ? (
        <NoReplyForm
          t={t}
          item={item}
          busy={busy}
          reason={reason}
          onReason={setReason}
          onAction={(action) => void act(action)}
        />
      ) : null}
    </article>
  );
}

/** Its state, its name, and the stakeholder's type and the channel when it has them. */
function FollowupHeadline({ text }: { text: RowText }) {
  return (
    <div className="fu-line">
      <span className={`fu-state fu-state-${text.state}`}>{text.stateLabel}</span>
      <bdi className="fu-name">{text.name}</bdi>
      {text.meta.map((m) => (
        <span key={m} className="fu-meta">
          {m}
        </span>
      ))}
    </div>
  );
}

const detailTestId: Partial<Record<OverdueItem['kind'], string>> = { wait: 'fu-waited', cadence: 'fu-days-since' };

/** The thread's title or the note, then how long a wait has waited, since the last contact, or when it is due. */
function FollowupDetail({ item, text }: { item: ActionableItem; text: RowText }) {
  return (
    <>
      {text.sub ? (
        <div className="fu-sub" dir="auto">
          {text.sub}
        </div>
      ) : null}
      <div className="fu-detail" data-testid={detailTestId[item.kind]}>
        {text.detail}
      </div>
    </>
  );
}

/** Open, Done (reminders), Snooze and No reply needed (waits) open their panels, Log a call. */
function FollowupActions(
  props: RowProps & {
    item: ActionableItem;
    open: Open;
    busy: boolean;
    onToggle(panel: Exclude<Open, 'none'>): void;
    onAction(action: FollowupActionRequest): void;
  },
) {
  const { t, item, open, busy } = props;
  const url = item.kind === 'cadence' ? null : item.url;
  return (
    <div className="fu-actions">
      {isOpenableUrl(url) ? (
        <button type="button" className="fu-btn" onClick={() => props.onOpen(url)}>
          {t('fuOpen')}
        </button>
      ) : null}
      {item.kind === 'reminder' ? (
        <button
          type="button"
          className="fu-btn"
          disabled={busy}
          onClick={() => props.onAction({ type: 'done', id: item.id })}
        >
          {t('fuDone')}
        </button>
      ) : null}
      <button
        type="button"
        className="fu-btn"
        aria-expanded={open === 'snooze'}
        disabled={busy}
        onClick={() => props.onToggle('snooze')}
      >
        {t('fuSnooze')}
      </button>
      {item.kind === 'wait' ? (
        <button
          type="button"
          className="fu-btn"
          aria-expanded={open === 'no-reply'}
          disabled={busy}
          onClick={() => props.onToggle('no-reply')}
        >
          {t('fuNoReply')}
        </button>
      ) : null}
      {item.kind === 'wait' ? (
        <ResolveControl
          t={t}
          state={props.outcomes[item.threadKey]}
          busy={busy}
          onOutcome={(event) => props.onOutcome(item.threadKey, event)}
        />
      ) : null}
      {item.stakeholderId ? (
        <button type="button" className="fu-btn" onClick={() => props.onLogCall(item)}>
          {t('fuLogCall')}
        </button>
      ) : null}
    </div>
  );
}

/** "Resolve" on a wait's thread; once resolved (queued or synced), "Resolved" and "Reopen". */
function ResolveControl(props: {
  t: T;
  state: ThreadOutcomeState | undefined;
  busy: boolean;
  onOutcome(event: ThreadOutcomeKind): Promise<void>;
}) {
  const { t, state } = props;
  const [busy, setBusy] = useState(false);
  const run = (event: ThreadOutcomeKind) => {
    setBusy(true);
    void props.onOutcome(event).finally(() => setBusy(false));
  };
  if (!state?.resolved)
    return (
      <button type="button" className="fu-btn" disabled={props.busy || busy} onClick={() => run('resolved')}>
        {t('resolveButton')}
      </button>
    );
  return (
    <>
      <span className="fu-resolved" data-testid="fu-resolved" title={state.pending ? t('resolveNotSynced') : undefined}>
        {t('resolveResolved')}
      </span>
      <button type="button" className="fu-btn" disabled={props.busy || busy} onClick={() => run('reopened')}>
        {t('resolveReopen')}
      </button>
    </>
  );
}
