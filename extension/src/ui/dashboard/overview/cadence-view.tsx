import { useState } from 'react';
import type { CadenceRow, CoverageResult } from '@comms-log/shared';
import { rateTone } from '../../../lib/report/goals';
import { reportFormat } from '../../../lib/report/tables';
import { useDashboard } from '../dashboard-context';
import { Pager } from '../pager';
import { StatusLine } from '../status-line';
import { useApiQuery } from '../use-api-query';
import { ANY_OWNER, CadenceFilters, CadenceTable, NO_OWNER, PAGE, type OwnerChoice } from './cadence-list';

/** Both cadence queries: coverage per type, and one page of the per-stakeholder list with its state and owner. */
function useCadenceQueries() {
  const { filter, asOf, dataVersion } = useDashboard();
  const [state, setState] = useState<CadenceRow['state'] | ''>('');
  const [owner, setOwner] = useState<OwnerChoice>(ANY_OWNER);
  const [offset, setOffset] = useState(0);
  const scope = { stakeholderType: filter.stakeholderType, tier: filter.tier, stakeholderId: filter.stakeholderId };
  const ownerFilter = owner === ANY_OWNER ? {} : { ownerUserId: [owner === NO_OWNER ? null : owner] };
  const coverage = useApiQuery(JSON.stringify(['cadence', scope, asOf, dataVersion]), (c) =>
    c.metrics.coverage.query({ asOf, ...scope }),
  );
  const list = useApiQuery(JSON.stringify(['cadence-list', scope, asOf, dataVersion, state, owner, offset]), (c) =>
    c.metrics.cadence.query({
      asOf,
      ...scope,
      ...ownerFilter,
      ...(state ? { state: [state] } : {}),
      offset,
      limit: PAGE,
    }),
  );
  // A new state or owner starts from the first page.
  const choose = (next: { state?: CadenceRow['state'] | ''; owner?: OwnerChoice }) => {
    if (next.state !== undefined) setState(next.state);
    if (next.owner !== undefined) setOwner(next.owner);
    setOffset(0);
  };
  return { coverage, list, state, owner, offset, setOffset, choose };
}

/**
 * Cadence: coverage per type (`metrics.coverage`) and last contact per stakeholder (`metrics.cadence`), most urgent
 * first, filterable by state and owner. Both read the same cadence states on the server, so they agree.
 */
export function CadenceView() {
  const { t } = useDashboard();
  const { coverage, list, state, owner, offset, setOffset, choose } = useCadenceQueries();
  const ready = coverage.data && !coverage.loading && list.data && !list.loading;

  return (
    <section className="pg-card dash-section" aria-labelledby="dash-cadence-h" data-state={ready ? 'ready' : 'loading'}>
      <h2 id="dash-cadence-h">{t('dashCadence')}</h2>
      <StatusLine t={t} loading={coverage.loading && !coverage.data} error={coverage.error} what={t('dashCadence')} />
      {coverage.data && <CoverageTable coverage={coverage.data} />}

      <h3 id="dash-cadence-list-h">{t('dashCadenceList')}</h3>
      <CadenceFilters state={state} owner={owner} counts={list.data?.counts} onChoose={choose} />
      <StatusLine t={t} loading={list.loading && !list.data} error={list.error} what={t('dashCadenceList')} />
      {list.data && list.data.items.length === 0 && <p className="pg-muted">{t('dashNoneNow')}</p>}
      {list.data && list.data.items.length > 0 && (
        <>
          <CadenceTable items={list.data.items} />
          <Pager t={t} offset={offset} pageSize={PAGE} total={list.data.total} onOffset={setOffset} />
        </>
      )}
    </section>
  );
}

function CoverageTable({ coverage }: { coverage: CoverageResult }) {
  const { t, lang } = useDashboard();
  const f = reportFormat(lang);
  return (
    <>
      <div className="dash-table-wrap">
        <table className="dash-table" aria-label={t('dashTblCoverage')}>
          <thead>
            <tr>
              <th scope="col">{t('dashColType')}</th>
              <th scope="col" className="dash-num">
                {t('dashColActive')}
              </th>
              <th scope="col" className="dash-num">
                {t('dashColCovered')}
              </th>
              <th scope="col" className="dash-num">
                {t('dashColDue')}
              </th>
              <th scope="col" className="dash-num">
                {t('dashColOverdue')}
              </th>
              <th scope="col" className="dash-num">
                {t('dashColCoverage')}
              </th>
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
    </>
  );
}
