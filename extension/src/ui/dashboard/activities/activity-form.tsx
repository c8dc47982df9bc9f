import { useState } from 'react';
import {
  activityStatusSchema,
  channels,
  recurrenceSchema,
  type Activity,
  type StakeholderType,
} from '@comms-log/shared';
import { toStoredError, type StoredError } from '../../../lib/api/error';
import { channelKey } from '../../../lib/label-keys';
import { useDashboard } from '../dashboard-context';
import { FormFooter } from '../form-footer';
import { StakeholderTypeOptions, UserOptions } from '../select-options';
import { type ActivityDraft, type ActivityFields, type ActivityProblem, checkActivity } from './activity-check';
import { activityProblemText, activityStatusKey, recurrenceKey } from './activity-labels';

/**
 * Create or edit a planned activity: title, stakeholder type, channel, owner, start, end, recurrence and status.
 * Mistakes are named before anything is sent, and the server's refusal in plain words.
 */
export function ActivityForm({
  title,
  initial,
  onSave,
  onDone,
}: {
  title: string;
  initial: ActivityDraft;
  onSave(fields: ActivityFields): Promise<Activity>;
  onDone(): void;
}) {
  const { t, zone } = useDashboard();
  const [d, setD] = useState<ActivityDraft>(initial);
  const [problems, setProblems] = useState<ActivityProblem[]>([]);
  const [error, setError] = useState<StoredError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<ActivityDraft>) => setD((x) => ({ ...x, ...change }));
  const save = async () => {
    const checked = checkActivity(d, zone);
    setProblems(checked.problems);
    setError(null);
    if (!checked.fields) return;
    setBusy(true);
    try {
      await onSave(checked.fields);
      onDone();
    } catch (e) {
      setError(toStoredError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="pg-form dash-inline-edit"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <ActivityFieldsInputs draft={d} set={set} />
      {problems.length > 0 && (
        <div role="alert" className="pg-error">
          <p>{t('dashActFixFirst')}</p>
          <ul className="dash-issues">
            {problems.map((p) => (
              <li key={p.kind + ('field' in p ? p.field : '')}>{activityProblemText(t, p)}</li>
            ))}
          </ul>
        </div>
      )}
      <FormFooter error={error} busy={busy} onCancel={onDone} />
    </form>
  );
}

function ActivityFieldsInputs({ draft: d, set }: { draft: ActivityDraft; set(change: Partial<ActivityDraft>): void }) {
  const { t, canManage } = useDashboard();
  return (
    <>
      <label className="pg-field">
        {t('dashActTitle')}
        <input type="text" maxLength={250} value={d.title} onChange={(e) => set({ title: e.target.value })} />
      </label>
      <div className="pg-row">
        <label className="pg-field">
          {t('dashColType')}
          <select
            value={d.stakeholderType}
            onChange={(e) => set({ stakeholderType: e.target.value as StakeholderType | '' })}
          >
            <option value="">{t('dashActAnyType')}</option>
            <StakeholderTypeOptions />
          </select>
        </label>
        <label className="pg-field">
          {t('dashColChannel')}
          <select value={d.channel} onChange={(e) => set({ channel: e.target.value as ActivityDraft['channel'] })}>
            {channels.map((c) => (
              <option key={c} value={c}>
                {t(channelKey[c])}
              </option>
            ))}
          </select>
        </label>
        <label className="pg-field">
          {t('dashActOwner')}
          <select value={d.ownerUserId} disabled={!canManage} onChange={(e) => set({ ownerUserId: e.target.value })}>
            <UserOptions />
          </select>
        </label>
      </div>
      <div className="pg-row">
        <label className="pg-field">
          {t('dashActStart')}
          <input type="datetime-local" value={d.startAt} onChange={(e) => set({ startAt: e.target.value })} />
        </label>
        <label className="pg-field">
          {t('dashActEnd')}
          <input type="datetime-local" value={d.endAt} onChange={(e) => set({ endAt: e.target.value })} />
        </label>
        <label className="pg-field">
          {t('dashActRecurrence')}
          <select
            value={d.recurrence}
            onChange={(e) => set({ recurrence: e.target.value as ActivityDraft['recurrence'] })}
          >
            {recurrenceSchema.options.map((r) => (
              <option key={r} value={r}>
                {t(recurrenceKey[r])}
              </option>
            ))}
          </select>
        </label>
        <label className="pg-field">
          {t('dashActStatus')}
          <select value={d.status} onChange={(e) => set({ status: e.target.value as ActivityDraft['status'] })}>
            {activityStatusSchema.options.map((s) => (
              <option key={s} value={s}>
                {t(activityStatusKey[s])}
              </option>
            ))}
          </select>
        </label>
      </div>
    </>
  );
}
