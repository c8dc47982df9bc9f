import type { OverdueItem } from '@comms-log/shared';
import { formatRelative } from '../../lib/i18n';
import { rateTone } from '../../lib/report-goals';
import { reportFormat } from '../../lib/report-tables';
import { useDashboard } from './dashboard-context';
import { FigureButton } from './figure-button';
import { StatusLine } from './status-line';
import { useApiQuery } from './use-api-query';

type CadenceItem = Extract<OverdueItem, { kind: 'cadence' }>;

/** Cadence: coverage per type, the stakeholders overdue and going cold, and when each was last contacted. */
export function CadenceView() {
  const { t, lang, filter, asOf, dataVersion, canManage, zone, userName } = useDashboard();
  const f = reportFormat(lang);
  const scope = { stakeholderType: filter.stakeholderType, tier: filter.tier, stakeholderId: filter.stakeholderId };
  const q = useApiQuery(JSON.stringify(['cadence', scope, asOf, dataVersion]), (c) =>
    Promise.all([c.metrics.coverage.query({ asOf, ...scope }), c.followups.overdue.query({ team: canManage, asOf })]),
  );
  const [coverage, overdue] = q.data ?? [];
  const items = (overdue?.items ?? []).filter(
    (i): i is CadenceItem =>
      i.kind === 'cadence' &&
      (!filter.stakeholderType || filter.stakeholderType.includes(i.stakeholderType)) &&
      (!filter.stakeholderId || filter.stakeholderId.includes(i.stakeholderId)),
  );
  const now = new Date(asOf);
  const list = (state: 'overdue' | 'due', title: string) => {
    const rows = items.filter((i) => i.state === state);
    return (
      <div>
        <h3>
          {title} ({rows.length})
        </h3>
        {rows.length === 0 ? (
          <p className="pg-muted">{t('dashNoneNow')}</p>
        ) : (
          <div className="dash-table-wrap dash-scroll">
            <table className="dash-table" aria-label={title}>
              <thead>
                <tr>
                  <th scope="col">{t('dashColStakeholder')}</th>
                  <th scope="col">{t('dashColType')}</th>
                  <th scope="col">{t('dashColOwner')}</th>
                  <th scope="col">{t('dashColLastContact')}</th>
                  <th scope="col">{t('dashColDueBy')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">
                      <FigureButton
                        value={i.stakeholderName}
                        label={t('dashInteractionsWith', i.stakeholderName)}
                        spec={{ title: i.stakeholderName, input: { filter: { from: filter.from, to: filter.to, stakeholderId: [i.stakeholderId] } } }}
                      />
                    </th>
                    <td>{f.type(i.stakeholderType)}</td>
                    <td>{i.ownerUserId ? userName(i.ownerUserId) : <span className="pg-muted">{t('dashNoOwner')}</span>}</td>
                    <td>{i.lastContactAt ? `${f.date(i.lastContactAt, zone)} (${formatRelative(lang, i.lastContactAt, now)})` : t('dashNever')}</td>
                    <td>
                      {f.date(i.dueBy, zone)} <span className="pg-muted">{t('dashCadenceDays', i.idealDays, i.maxDays)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    );
  };

  return (
    <section className="pg-card dash-section" aria-labelledby="dash-cadence-h" data-state={q.data && !q.loading ? 'ready' : 'loading'}>
      <h2 id="dash-cadence-h">{t('dashCadence')}</h2>
      <StatusLine t={t} loading={q.loading && !q.data} error={q.error} what={t('dashCadence')} />
      {coverage && (
        <>
          <div className="dash-table-wrap">
            <table className="dash-table" aria-label={t('dashTblCoverage')}>
              <thead>
                <tr>
                  <th scope="col">{t('dashColType')}</th>
                  <th scope="col" className="dash-num">{t('dashColActive')}</th>
                  <th scope="col" className="dash-num">{t('dashColCovered')}</th>
                  <th scope="col" className="dash-num">{t('dashColDue')}</th>
                  <th scope="col" className="dash-num">{t('dashColOverdue')}</th>
                  <th scope="col" className="dash-num">{t('dashColCoverage')}</th>
                </tr>
              </thead>
              <tbody>
                {coverage.rows.map((r) => (
                  <tr key={r.stakeholderType}>
                    <th scope="row">{f.type(r.stakeholderType)}</th>
                    <td className="dash-num">{r.active}</td>
                    <td className="dash-num">{r.covered}</td>
                    <td className="dash-num">{r.due}</td>
                    <td className="dash-num">{r.overdue}</td>
                    <td className={`dash-num dash-tone-${rateTone(r.rate, 1)}`}>{f.pct(r.rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="pg-muted dash-hint">{t('dashCadenceHint')}</p>
          <div className="dash-split">
            {list('overdue', t('dashOverdueStakeholders'))}
            {list('due', t('dashGoingCold'))}
          </div>
        </>
      )}
    </section>
  );
}
