import { useState } from 'react';
import type { Activity, ActivityUpdateInput, DrilldownItem } from '@comms-log/shared';
import { toStoredError, type StoredError } from '../../../lib/api/error';
import { channelKey } from '../../../lib/label-keys';
import { useDashboard } from '../dashboard-context';
import { FormFooter } from '../form-footer';
import { StatusLine } from '../status-line';
import { useApiQuery } from '../use-api-query';
import { toLocalInput } from '../zoned-time';

/** The period's interactions of the activity's stakeholders or stakeholder type (any, when it has none): to link. */
function useCandidates(activity: Activity) {
  const { filter, dataVersion } = useDashboard();
  const input = {
    filter: {
      from: filter.from,
      to: filter.to,
      ...(activity.stakeholderType ? { stakeholderType: [activity.stakeholderType] } : {}),
      ...(activity.stakeholderIds.length ? { stakeholderId: activity.stakeholderIds } : {}),
    },
  };
  return useApiQuery(JSON.stringify(['held-candidates', input, dataVersion]), (c) =>
    c.metrics.interactions.query({ ...input, limit: 100 }),
  );
}

/**
 * "Mark held": links the interaction logged for the activity, picked from the period's interactions of its stakeholders
 * or type, or given by id; the server takes its time and headcounts (invited, attended) onto the activity.
 */
export function ActivityHeld({
  activity,
  onSave,
  onDone,
}: {
  activity: Activity;
  onSave(update: ActivityUpdateInput): Promise<Activity>;
  onDone(): void;
}) {
  const { t } = useDashboard();
  const candidates = useCandidates(activity);
  const [picked, setPicked] = useState('');
  const [byId, setById] = useState('');
  const [problem, setProblem] = useState(false);
  const [error, setError] = useState<StoredError | null>(null);
  const [busy, setBusy] = useState(false);
  const title = t('dashActHeldTitle', activity.title);
  const save = async () => {
    const id = byId.trim() || picked;
    setProblem(!id);
    setError(null);
    if (!id) return;
    setBusy(true);
    try {
      await onSave({ id: activity.id, status: 'held', heldInteractionId: id });
      onDone();
    } catch (e) {
      setError(toStoredError(e));
    } finally {
      setBusy(false);
    }
  };
  const items = candidates.data?.items ?? [];
  return (
    <form
      className="pg-form dash-inline-edit"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <StatusLine
        t={t}
        loading={candidates.loading && !candidates.data}
        error={candidates.error}
        what={t('dashActHeldPick')}
      />
      <label className="pg-field">
        {t('dashActHeldPick')}
        <select value={picked} onChange={(e) => setPicked(e.target.value)}>
          <option value="">{items.length ? t('dashActHeldChoose') : t('dashActHeldNone')}</option>
          {items.map((i) => (
            <CandidateOption key={i.id} item={i} />
          ))}
        </select>
      </label>
      <label className="pg-field">
        {t('dashActHeldById')}
        <input type="text" value={byId} onChange={(e) => setById(e.target.value)} />
      </label>
      <p className="pg-muted dash-hint">{t('dashActHeldHint')}</p>
      {problem && (
        <p role="alert" className="pg-error">
          {t('dashActErrNoInteraction')}
        </p>
      )}
      <FormFooter error={error} busy={busy} onCancel={onDone} submitLabel={t('dashActMarkHeld')} />
    </form>
  );
}

/** "2026-03-10 10:00 · Acme Robotics · Video · Quarterly review". */
function CandidateOption({ item: i }: { item: DrilldownItem }) {
  const { t, zone } = useDashboard();
  const when = toLocalInput(i.occurredAt, zone).replace('T', ' ');
  const parts = [when, i.stakeholderName ?? i.authorName, t(channelKey[i.channel]), i.title].filter(Boolean);
  return <option value={i.id}>{parts.join(' · ')}</option>;
}
