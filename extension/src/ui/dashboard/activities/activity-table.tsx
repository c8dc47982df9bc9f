import { useState } from 'react';
import type { Activity, ActivityUpdateInput } from '@comms-log/shared';
import { reportFormat } from '../../../lib/report/tables';
import { useDashboard } from '../dashboard-context';
import { RecordTable } from '../record-table/record-table';
import { activityDraft } from './activity-check';
import { ActivityForm } from './activity-form';
import { ActivityHeld } from './activity-held';
import { activityStatusKey, recurrenceKey } from './activity-labels';
import type { ActivityOccurrence } from './activity-occurrences';

type Open = { id: string; what: 'edit' | 'held' } | null;

/** The period's occurrences by date: when, title, type, channel, owner, repeats, status and attendance; actions. */
export function ActivityTable({
  occurrences,
  onUpdate,
}: {
  occurrences: ActivityOccurrence[];
  onUpdate(update: ActivityUpdateInput): Promise<Activity>;
}) {
  const { t, zone } = useDashboard();
  const [open, setOpen] = useState<Open>(null);
  return (
    <RecordTable
      label={t('dashActHeading')}
      columns={[
        { head: t('dashActWhen') },
        { head: t('dashActTitle') },
        { head: t('dashColType') },
        { head: t('dashColChannel') },
        { head: t('dashActOwner') },
        { head: t('dashActRecurrence') },
        { head: t('dashActStatus') },
        { head: t('dashActAttendance') },
        { head: t('dashActActions') },
      ]}
      items={occurrences}
      rowKey={(o) => `${o.activity.id}:${o.index}`}
      row={(o) => <OccurrenceRow occurrence={o} onOpen={(what) => setOpen({ id: o.activity.id, what })} />}
      panel={(o) => {
        // The forms open under the first occurrence shown of the activity.
        const first = occurrences.find((x) => x.activity.id === o.activity.id) === o;
        if (!first || open?.id !== o.activity.id) return null;
        return open.what === 'edit' ? (
          <ActivityForm
            title={t('dashActEditTitle', o.activity.title)}
            initial={activityDraft(o.activity, zone)}
            onSave={(fields) => onUpdate({ id: o.activity.id, ...fields })}
            onDone={() => setOpen(null)}
          />
        ) : (
          <ActivityHeld activity={o.activity} onSave={onUpdate} onDone={() => setOpen(null)} />
        );
      }}
    />
  );
}

function OccurrenceRow({
  occurrence: o,
  onOpen,
}: {
  occurrence: ActivityOccurrence;
  onOpen(what: 'edit' | 'held'): void;
}) {
  const { t, lang, zone, userName } = useDashboard();
  const f = reportFormat(lang);
  const a = o.activity;
  // The held interaction's headcounts are the first occurrence's: a later repetition has none of its own.
  const attendance = a.invited === null || o.index > 0 ? '—' : t('dashActAttendanceValue', a.attended ?? 0, a.invited);
  return (
    <tr data-activity={a.id}>
      <td className="dash-nowrap">{f.dateTime(new Date(o.startMs).toISOString(), zone)}</td>
      <th scope="row">{a.title}</th>
      <td>{a.stakeholderType ? f.type(a.stakeholderType) : t('dashActAnyType')}</td>
      <td>{f.channel(a.channel)}</td>
      <td>{userName(a.ownerUserId)}</td>
      <td>{t(recurrenceKey[a.recurrence])}</td>
      <td>{t(activityStatusKey[o.status])}</td>
      <td>{attendance}</td>
      <td className="dash-nowrap">
        <button
          type="button"
          className="pg-button"
          aria-label={t('dashActEditAria', a.title)}
          onClick={() => onOpen('edit')}
        >
          {t('dashActEdit')}
        </button>{' '}
        {a.status !== 'held' && a.status !== 'cancelled' && (
          <button
            type="button"
            className="pg-button"
            aria-label={t('dashActMarkHeldAria', a.title)}
            onClick={() => onOpen('held')}
          >
            {t('dashActMarkHeld')}
          </button>
        )}
      </td>
    </tr>
  );
}
