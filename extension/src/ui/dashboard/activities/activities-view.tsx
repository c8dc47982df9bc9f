import { useState } from 'react';
import { ulid } from 'ulid';
import type { Activity, ActivityUpdateInput } from '@comms-log/shared';
import { withApi } from '../../../lib/api/session';
import { reportFormat } from '../../../lib/report/tables';
import { useDashboard } from '../dashboard-context';
import { fetchAllPages } from '../fetch-all-pages';
import { StatusLine } from '../status-line';
import { useApiQuery } from '../use-api-query';
import { type ActivityFields, newActivityDraft } from './activity-check';
import { ActivityForm } from './activity-form';
import { activityOccurrences } from './activity-occurrences';
import { ActivityTable } from './activity-table';

/** Creates and changes activities; the figures behind every view are asked again. */
function useActivitySave() {
  const { bumpData } = useDashboard();
  return {
    create: async (fields: ActivityFields) => {
      const saved = await withApi((c) => c.activities.create.mutate({ id: ulid(), ...fields }));
      bumpData();
      return saved;
    },
    update: async (update: ActivityUpdateInput) => {
      const saved = await withApi((c) => c.activities.update.mutate(update));
      bumpData();
      return saved;
    },
  };
}

/**
 * The communication calendar: the period's planned activities by date (a recurring one once per repetition), the
 * execution rate with its n, a new activity, and each one's edit and "Mark held". Staff plan and see their own.
 */
export function ActivitiesView() {
  const { t, lang, filter, asOf, zone, me, dataVersion } = useDashboard();
  const input = { from: filter.from, to: filter.to };
  const q = useApiQuery(JSON.stringify(['activities', input, dataVersion]), (c) =>
    fetchAllPages(c, (client, cursor, limit) => client.activities.list.query({ ...input, cursor, limit })),
  );
  const save = useActivitySave();
  const [creating, setCreating] = useState(false);
  const items: Activity[] = q.data?.items ?? [];
  const { occurrences, execution } = activityOccurrences(items, filter, zone, Date.parse(asOf));
  const f = reportFormat(lang);
  const rate = execution.rate;
  return (
    <div className="dash-overview">
      <section
        className="pg-card dash-section"
        aria-labelledby="dash-activities-h"
        data-state={q.data && !q.loading ? 'ready' : 'loading'}
      >
        <h2 id="dash-activities-h">{t('dashActHeading')}</h2>
        <StatusLine t={t} loading={q.loading && !q.data} error={q.error} what={t('dashActHeading')} />
        {q.data && !q.data.complete && <p className="pg-warn">{t('dashActPartial', items.length)}</p>}
        {q.data && (
          <p data-testid="dash-act-execution">
            {rate.value === null
              ? t('dashActExecutionNone')
              : t('dashActExecution', f.pct(rate.value), rate.numerator, rate.denominator)}{' '}
            <span className="pg-muted">
              {t('dashActExecutionDetail', execution.late, execution.notHeld, execution.upcoming, execution.cancelled)}
            </span>
          </p>
        )}
        {q.data && occurrences.length === 0 && <p className="pg-muted">{t('dashActNone')}</p>}
        {occurrences.length > 0 && <ActivityTable occurrences={occurrences} onUpdate={save.update} />}
      </section>
      <section className="pg-card" aria-labelledby="dash-act-new-h">
        <h3 id="dash-act-new-h">{t('dashActNewTitle')}</h3>
        {creating ? (
          <ActivityForm
            title={t('dashActNewTitle')}
            initial={newActivityDraft(me.user.id, Date.parse(asOf), zone)}
            onSave={save.create}
            onDone={() => setCreating(false)}
          />
        ) : (
          <div className="pg-actions">
            <button type="button" className="pg-button pg-primary" onClick={() => setCreating(true)}>
              {t('dashActNew')}
            </button>
          </div>
        )}
      </section>
    </div>
  );
}
